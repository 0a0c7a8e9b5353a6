/**
 * The few words broadsheet itself adds to the book (navigation titles, note links, colophon
 * field names), in the book's language where known. A language without a table gets English, and
 * the writer marks those words `lang="en"` so a screen reader does not read them with the wrong
 * voice (WCAG 3.1.2, https://www.w3.org/WAI/WCAG22/Understanding/language-of-parts).
 */

export interface Labels {
  /** BCP 47 tag of these words. */
  lang: string;
  contents: string;
  landmarks: string;
  pages: string;
  cover: string;
  titlePage: string;
  colophon: string;
  startOfContent: string;
  notes: string;
  backToReference: (n: number) => string;
  by: (names: string) => string;
  identifier: string;
  source: string;
  rights: string;
  publisher: string;
  published: string;
  modified: string;
  series: string;
  accessibility: string;
  producedWith: string;
  done: string;
  notDone: string;
  /** Stand-in text alternative for an image the author gave none (the build warns about it). */
  imageWithoutDescription: string;
}

const en: Labels = {
  lang: 'en',
  contents: 'Contents',
  landmarks: 'Guide',
  pages: 'Pages',
  cover: 'Cover',
  titlePage: 'Title page',
  colophon: 'Colophon',
  startOfContent: 'Start of content',
  notes: 'Notes',
  backToReference: (n) => `Back to reference ${n}`,
  by: (names) => `By ${names}`,
  identifier: 'Identifier',
  source: 'Original',
  rights: 'Rights',
  publisher: 'Publisher',
  published: 'Published',
  modified: 'Last modified',
  series: 'Series',
  accessibility: 'Accessibility',
  producedWith: 'Produced with',
  done: 'done',
  notDone: 'not done',
  imageWithoutDescription: 'Image without a description',
};

const de: Labels = {
  lang: 'de',
  contents: 'Inhalt',
  landmarks: 'Orientierung',
  pages: 'Seiten',
  cover: 'Umschlag',
  titlePage: 'Titelseite',
  colophon: 'Impressum',
  startOfContent: 'Beginn des Inhalts',
  notes: 'Anmerkungen',
  backToReference: (n) => `Zurück zum Verweis ${n}`,
  by: (names) => `Von ${names}`,
  identifier: 'Kennung',
  source: 'Original',
  rights: 'Rechte',
  publisher: 'Verlag',
  published: 'Erschienen',
  modified: 'Zuletzt geändert',
  series: 'Reihe',
  accessibility: 'Barrierefreiheit',
  producedWith: 'Erstellt mit',
  done: 'erledigt',
  notDone: 'offen',
  imageWithoutDescription: 'Bild ohne Beschreibung',
};

const fr: Labels = {
  lang: 'fr',
  contents: 'Sommaire',
  landmarks: 'Repères',
  pages: 'Pages',
  cover: 'Couverture',
  titlePage: 'Page de titre',
  colophon: 'Colophon',
  startOfContent: 'Début du contenu',
  notes: 'Notes',
  backToReference: (n) => `Retour à l’appel de note ${n}`,
  by: (names) => `Par ${names}`,
  identifier: 'Identifiant',
  source: 'Original',
  rights: 'Droits',
  publisher: 'Éditeur',
  published: 'Publié le',
  modified: 'Modifié le',
  series: 'Collection',
  accessibility: 'Accessibilité',
  producedWith: 'Réalisé avec',
  done: 'fait',
  notDone: 'à faire',
  imageWithoutDescription: 'Image sans description',
};

/** Arabic and Hebrew: a right-to-left book then has no left-to-right labels in its navigation. */
const ar: Labels = {
  lang: 'ar',
  contents: 'المحتويات',
  landmarks: 'معالم الكتاب',
  pages: 'الصفحات',
  cover: 'الغلاف',
  titlePage: 'صفحة العنوان',
  colophon: 'بيانات النشر',
  startOfContent: 'بداية المحتوى',
  notes: 'الحواشي',
  backToReference: (n) => `العودة إلى موضع الحاشية ${n}`,
  by: (names) => `بقلم ${names}`,
  identifier: 'المعرّف',
  source: 'الأصل',
  rights: 'الحقوق',
  publisher: 'الناشر',
  published: 'تاريخ النشر',
  modified: 'آخر تعديل',
  series: 'السلسلة',
  accessibility: 'إمكانية الوصول',
  producedWith: 'أُنتج باستخدام',
  done: 'منجز',
  notDone: 'غير منجز',
  imageWithoutDescription: 'صورة بلا وصف',
};

const he: Labels = {
  lang: 'he',
  contents: 'תוכן העניינים',
  landmarks: 'ניווט',
  pages: 'עמודים',
  cover: 'כריכה',
  titlePage: 'עמוד השער',
  colophon: 'קולופון',
  startOfContent: 'תחילת התוכן',
  notes: 'הערות',
  backToReference: (n) => `חזרה להפניה ${n}`,
  by: (names) => `מאת ${names}`,
  identifier: 'מזהה',
  source: 'מקור',
  rights: 'זכויות',
  publisher: 'הוצאה לאור',
  published: 'פורסם',
  modified: 'עודכן לאחרונה',
  series: 'סדרה',
  accessibility: 'נגישות',
  producedWith: 'הופק באמצעות',
  done: 'בוצע',
  notDone: 'לא בוצע',
  imageWithoutDescription: 'תמונה ללא תיאור',
};

const TABLES: Record<string, Labels> = { en, de, fr, ar, he };

/** Primary language subtag, lower case: `en-GB` → `en`. */
export function primaryLanguage(tag: string): string {
  return tag.split('-')[0]?.toLowerCase() ?? tag;
}

/** The labels for a document in `lang` (English when broadsheet has no table for it). */
export function labelsFor(lang: string): Labels {
  return TABLES[primaryLanguage(lang)] ?? en;
}

/** Whether text in language `a` needs a `lang` attribute inside an element in language `b`. */
export function differentLanguage(a: string, b: string): boolean {
  return a.toLowerCase() !== b.toLowerCase();
}

/**
 * The `lang` to put on broadsheet's own words inside a document in `docLang`, or undefined when
 * they are already in that language (English labels in an `en-GB` book need no mark).
 */
export function labelLang(labels: Labels, docLang: string): string | undefined {
  return primaryLanguage(labels.lang) === primaryLanguage(docLang) ? undefined : labels.lang;
}
