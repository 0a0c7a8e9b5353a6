/**
 * fontkit's OpenType script and feature selection, done once per script instead of on every layout.
 *
 * Why: before each `layout()` fontkit's GSUB and GPOS processors run `selectScript(script, language,
 * direction)`, and without a language (broadsheet passes none) its test `!language || language !==
 * this.languageTag` is always true, so the feature table is rebuilt from the font's lists for every
 * word shaped — the largest single cost of shaping short runs. The rebuild gives exactly the state
 * it started from when the arguments repeat (the script entry, the default language system and
 * the same features, which fontkit only reads), so a repeated call is answered from the last one.
 * Any other call goes through to fontkit unchanged.
 */

/** The part of fontkit's GSUB/GPOS processors this touches (fontkit ships no type declarations). */
interface ScriptSelector {
  selectScript(script: unknown, language: unknown, direction: unknown): unknown;
}

interface EngineHost {
  _layoutEngine?: { engine?: { GSUBProcessor?: ScriptSelector | null; GPOSProcessor?: ScriptSelector | null } };
  layout(...args: unknown[]): unknown;
}

/** Installs the memo on the font's processors at its first layout (fonts only used for coverage never build them). */
export function memoizeScriptSelection(font: EngineHost): void {
  const layout = font.layout;
  font.layout = function firstLayout(this: EngineHost, ...args: unknown[]): unknown {
    font.layout = layout;
    const engine = font._layoutEngine?.engine;
    if (engine?.GSUBProcessor) memoize(engine.GSUBProcessor);
    if (engine?.GPOSProcessor) memoize(engine.GPOSProcessor);
    return layout.apply(font, args);
  };
}

function memoize(processor: ScriptSelector): void {
  const select = processor.selectScript.bind(processor);
  let last: { script: unknown; direction: unknown; result: unknown } | undefined;
  processor.selectScript = (script, language, direction) => {
    if (!language && last !== undefined && last.script === script && last.direction === direction) return last.result;
    const result = select(script, language, direction);
    last = language ? undefined : { script, direction, result };
    return result;
  };
}
