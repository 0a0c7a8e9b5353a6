/**
 * Where every font file the build may embed lives: the bundled Noto Serif and Noto Sans Mono in
 * `assets/fonts/`, and the script fallbacks from the `@expo-google-fonts/*` npm packages (static
 * per-weight Noto TTFs, SIL OFL 1.1; see `assets/fonts/README.md`).
 *
 * Why npm packages for the fallbacks: the CJK faces alone are 16 MB per weight; a registry package
 * keeps them out of the repository and comes with its licence. Only regular and bold are used.
 *
 * Why `new URL(…, import.meta.url)` for the assets: paths must not depend on the working directory.
 * This module compiles from `src/fonts/files.ts` to `dist/fonts/files.js`; both sit two levels
 * below the package root.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

const asset = (file: string): string => fileURLToPath(new URL(`../../assets/fonts/${file}`, import.meta.url));

/** A file of an `@expo-google-fonts` package: `pkg('noto-sans-sc', 'NotoSansSC', 'bold')`. */
function pkg(name: string, stem: string, weight: 'regular' | 'bold'): string {
  const dir = weight === 'bold' ? '700Bold' : '400Regular';
  return require.resolve(`@expo-google-fonts/${name}/${dir}/${stem}_${dir}.ttf`);
}

/** Identifiers of the font files (one file each). */
export type FontId =
  | 'serif-regular' | 'serif-italic' | 'serif-bold' | 'serif-boldItalic'
  | 'mono-regular' | 'mono-bold'
  | 'arabic-regular' | 'arabic-bold'
  | 'hebrew-regular' | 'hebrew-bold'
  | 'devanagari-regular' | 'devanagari-bold'
  | 'thai-regular' | 'thai-bold'
  | 'cjk-regular' | 'cjk-bold'
  | 'hangul-regular' | 'hangul-bold'
  | 'bengali-regular' | 'bengali-bold'
  | 'tamil-regular' | 'tamil-bold'
  | 'telugu-regular' | 'telugu-bold'
  | 'gujarati-regular' | 'gujarati-bold'
  | 'gurmukhi-regular' | 'gurmukhi-bold'
  | 'kannada-regular' | 'kannada-bold'
  | 'malayalam-regular' | 'malayalam-bold'
  | 'oriya-regular' | 'oriya-bold'
  | 'sinhala-regular' | 'sinhala-bold'
  | 'thaana-regular' | 'thaana-bold'
  | 'tibetan-regular' | 'tibetan-bold'
  | 'myanmar-regular' | 'myanmar-bold'
  | 'khmer-regular' | 'khmer-bold'
  | 'lao-regular' | 'lao-bold'
  | 'georgian-regular' | 'georgian-bold'
  | 'armenian-regular' | 'armenian-bold'
  | 'ethiopic-regular' | 'ethiopic-bold'
  | 'tifinagh-regular'
  | 'syllabics-regular' | 'syllabics-bold'
  | 'cherokee-regular' | 'cherokee-bold'
  | 'olchiki-regular' | 'olchiki-bold'
  | 'meetei-regular' | 'meetei-bold'
  | 'symbols2-regular' | 'math-regular' | 'symbols-regular' | 'symbols-bold'
  | 'emoji-regular' | 'emoji-bold';

/** The absolute path of each font file, resolved lazily (resolving never opens the file). */
const PATHS: Record<FontId, () => string> = {
  'serif-regular': () => asset('NotoSerif-Regular.ttf'),
  'serif-italic': () => asset('NotoSerif-Italic.ttf'),
  'serif-bold': () => asset('NotoSerif-Bold.ttf'),
  'serif-boldItalic': () => asset('NotoSerif-BoldItalic.ttf'),
  'mono-regular': () => asset('NotoSansMono-Regular.ttf'),
  'mono-bold': () => asset('NotoSansMono-Bold.ttf'),
  // Naskh covers Arabic, Persian and Urdu letters in the style that suits a serif text face.
  'arabic-regular': () => pkg('noto-naskh-arabic', 'NotoNaskhArabic', 'regular'),
  'arabic-bold': () => pkg('noto-naskh-arabic', 'NotoNaskhArabic', 'bold'),
  'hebrew-regular': () => pkg('noto-serif-hebrew', 'NotoSerifHebrew', 'regular'),
  'hebrew-bold': () => pkg('noto-serif-hebrew', 'NotoSerifHebrew', 'bold'),
  'devanagari-regular': () => pkg('noto-sans-devanagari', 'NotoSansDevanagari', 'regular'),
  'devanagari-bold': () => pkg('noto-sans-devanagari', 'NotoSansDevanagari', 'bold'),
  'thai-regular': () => pkg('noto-sans-thai', 'NotoSansThai', 'regular'),
  'thai-bold': () => pkg('noto-sans-thai', 'NotoSansThai', 'bold'),
  // Noto Sans SC has every Han character of GB 18030's common set plus kana; KR adds Hangul.
  'cjk-regular': () => pkg('noto-sans-sc', 'NotoSansSC', 'regular'),
  'cjk-bold': () => pkg('noto-sans-sc', 'NotoSansSC', 'bold'),
  'hangul-regular': () => pkg('noto-sans-kr', 'NotoSansKR', 'regular'),
  'hangul-bold': () => pkg('noto-sans-kr', 'NotoSansKR', 'bold'),
  // The other scripts of the news: South and Southeast Asia, the Caucasus, the Horn of Africa.
  'bengali-regular': () => pkg('noto-sans-bengali', 'NotoSansBengali', 'regular'),
  'bengali-bold': () => pkg('noto-sans-bengali', 'NotoSansBengali', 'bold'),
  'tamil-regular': () => pkg('noto-sans-tamil', 'NotoSansTamil', 'regular'),
  'tamil-bold': () => pkg('noto-sans-tamil', 'NotoSansTamil', 'bold'),
  'telugu-regular': () => pkg('noto-sans-telugu', 'NotoSansTelugu', 'regular'),
  'telugu-bold': () => pkg('noto-sans-telugu', 'NotoSansTelugu', 'bold'),
  'gujarati-regular': () => pkg('noto-sans-gujarati', 'NotoSansGujarati', 'regular'),
  'gujarati-bold': () => pkg('noto-sans-gujarati', 'NotoSansGujarati', 'bold'),
  'gurmukhi-regular': () => pkg('noto-sans-gurmukhi', 'NotoSansGurmukhi', 'regular'),
  'gurmukhi-bold': () => pkg('noto-sans-gurmukhi', 'NotoSansGurmukhi', 'bold'),
  'kannada-regular': () => pkg('noto-sans-kannada', 'NotoSansKannada', 'regular'),
  'kannada-bold': () => pkg('noto-sans-kannada', 'NotoSansKannada', 'bold'),
  'malayalam-regular': () => pkg('noto-sans-malayalam', 'NotoSansMalayalam', 'regular'),
  'malayalam-bold': () => pkg('noto-sans-malayalam', 'NotoSansMalayalam', 'bold'),
  'oriya-regular': () => pkg('noto-sans-oriya', 'NotoSansOriya', 'regular'),
  'oriya-bold': () => pkg('noto-sans-oriya', 'NotoSansOriya', 'bold'),
  'sinhala-regular': () => pkg('noto-sans-sinhala', 'NotoSansSinhala', 'regular'),
  'sinhala-bold': () => pkg('noto-sans-sinhala', 'NotoSansSinhala', 'bold'),
  'thaana-regular': () => pkg('noto-sans-thaana', 'NotoSansThaana', 'regular'),
  'thaana-bold': () => pkg('noto-sans-thaana', 'NotoSansThaana', 'bold'),
  'tibetan-regular': () => pkg('noto-serif-tibetan', 'NotoSerifTibetan', 'regular'),
  'tibetan-bold': () => pkg('noto-serif-tibetan', 'NotoSerifTibetan', 'bold'),
  'myanmar-regular': () => pkg('noto-sans-myanmar', 'NotoSansMyanmar', 'regular'),
  'myanmar-bold': () => pkg('noto-sans-myanmar', 'NotoSansMyanmar', 'bold'),
  'khmer-regular': () => pkg('noto-sans-khmer', 'NotoSansKhmer', 'regular'),
  'khmer-bold': () => pkg('noto-sans-khmer', 'NotoSansKhmer', 'bold'),
  'lao-regular': () => pkg('noto-sans-lao', 'NotoSansLao', 'regular'),
  'lao-bold': () => pkg('noto-sans-lao', 'NotoSansLao', 'bold'),
  'georgian-regular': () => pkg('noto-sans-georgian', 'NotoSansGeorgian', 'regular'),
  'georgian-bold': () => pkg('noto-sans-georgian', 'NotoSansGeorgian', 'bold'),
  'armenian-regular': () => pkg('noto-sans-armenian', 'NotoSansArmenian', 'regular'),
  'armenian-bold': () => pkg('noto-sans-armenian', 'NotoSansArmenian', 'bold'),
  'ethiopic-regular': () => pkg('noto-sans-ethiopic', 'NotoSansEthiopic', 'regular'),
  'ethiopic-bold': () => pkg('noto-sans-ethiopic', 'NotoSansEthiopic', 'bold'),
  // Scripts of smaller communities' news: Amazigh (Tifinagh), Inuktitut and Cree (Canadian
  // Syllabics), Cherokee, Santali (Ol Chiki), Manipuri (Meetei Mayek).
  'tifinagh-regular': () => pkg('noto-sans-tifinagh', 'NotoSansTifinagh', 'regular'),
  'syllabics-regular': () => pkg('noto-sans-canadian-aboriginal', 'NotoSansCanadianAboriginal',
  'regular'),
  'syllabics-bold': () => pkg('noto-sans-canadian-aboriginal', 'NotoSansCanadianAboriginal',
  'bold'),
  'cherokee-regular': () => pkg('noto-sans-cherokee', 'NotoSansCherokee', 'regular'),
  'cherokee-bold': () => pkg('noto-sans-cherokee', 'NotoSansCherokee', 'bold'),
  'olchiki-regular': () => pkg('noto-sans-ol-chiki', 'NotoSansOlChiki', 'regular'),
  'olchiki-bold': () => pkg('noto-sans-ol-chiki', 'NotoSansOlChiki', 'bold'),
  'meetei-regular': () => pkg('noto-sans-meetei-mayek', 'NotoSansMeeteiMayek', 'regular'),
  'meetei-bold': () => pkg('noto-sans-meetei-mayek', 'NotoSansMeeteiMayek', 'bold'),
  'symbols2-regular': () => pkg('noto-sans-symbols-2', 'NotoSansSymbols2', 'regular'),
  'math-regular': () => pkg('noto-sans-math', 'NotoSansMath', 'regular'),
  'symbols-regular': () => pkg('noto-sans-symbols', 'NotoSansSymbols', 'regular'),
  'symbols-bold': () => pkg('noto-sans-symbols', 'NotoSansSymbols', 'bold'),
  'emoji-regular': () => pkg('noto-emoji', 'NotoEmoji', 'regular'),
  'emoji-bold': () => pkg('noto-emoji', 'NotoEmoji', 'bold'),
};

const resolved = new Map<FontId, string>();

/** Absolute path of a font file. */
export function fontPath(id: FontId): string {
  let p = resolved.get(id);
  if (p === undefined) resolved.set(id, (p = PATHS[id]()));
  return p;
}

/**
 * The fallback faces after a primary face, by weight, in the order they are tried for a character
 * the primary lacks. Scripts first, then symbols, emoji last (so a character that exists as a text
 * symbol is set as one, as the monochrome print edition wants).
 */
export function fallbacks(bold: boolean): readonly FontId[] {
  return bold ? BOLD_FALLBACKS : REGULAR_FALLBACKS;
}

const REGULAR_FALLBACKS: readonly FontId[] = Object.freeze([
  'arabic-regular', 'hebrew-regular', 'devanagari-regular', 'thai-regular', 'cjk-regular',
  'hangul-regular',
  'bengali-regular', 'tamil-regular', 'telugu-regular', 'gujarati-regular', 'gurmukhi-regular',
  'kannada-regular', 'malayalam-regular', 'oriya-regular', 'sinhala-regular', 'thaana-regular',
  'tibetan-regular', 'myanmar-regular', 'khmer-regular', 'lao-regular', 'georgian-regular',
  'armenian-regular', 'ethiopic-regular',
  'tifinagh-regular', 'syllabics-regular', 'cherokee-regular', 'olchiki-regular', 'meetei-regular',
  'symbols2-regular', 'math-regular', 'symbols-regular', 'emoji-regular',
] as const);

const BOLD_FALLBACKS: readonly FontId[] = Object.freeze([
  'arabic-bold', 'hebrew-bold', 'devanagari-bold', 'thai-bold', 'cjk-bold', 'hangul-bold',
  'bengali-bold', 'tamil-bold', 'telugu-bold', 'gujarati-bold', 'gurmukhi-bold', 'kannada-bold',
  'malayalam-bold', 'oriya-bold', 'sinhala-bold', 'thaana-bold', 'tibetan-bold', 'myanmar-bold',
  'khmer-bold', 'lao-bold', 'georgian-bold', 'armenian-bold', 'ethiopic-bold',
  // Tifinagh has no bold cut: its regular serves.
  'tifinagh-regular', 'syllabics-bold', 'cherokee-bold', 'olchiki-bold', 'meetei-bold',
  // No bold cut of Symbols 2 and Math exists: their regular serves.
  'symbols2-regular', 'math-regular', 'symbols-bold', 'emoji-bold',
] as const);

/** Every font file's id. */
export function allFontIds(): FontId[] {
  return Object.keys(PATHS) as FontId[];
}

/**
 * The fonts in `assets/fonts/`, which no package version names (the cache's identity notes their
 * size and date; the fallbacks' versions are in the lockfile).
 */
export function bundledFontIds(): FontId[] {
  return ['serif-regular', 'serif-italic', 'serif-bold', 'serif-boldItalic', 'mono-regular', 'mono-bold'];
}
