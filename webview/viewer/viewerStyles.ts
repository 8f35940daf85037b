/**
 * The viewer's styles, applied as a constructable stylesheet: the page's Content Security
 * Policy allows no inline <style>, and the stylesheet travels inside the viewer's bundle.
 * Colours come from the VS Code theme variables.
 */
const CSS = `
.dv-root { display: flex; flex-direction: column; gap: 6px; outline: none; color: var(--vscode-foreground); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); }
.dv-root [hidden] { display: none !important; }
.dv-root:focus-visible { outline: 1px solid var(--vscode-focusBorder); }
.dv-toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 10px; }
.dv-group { display: flex; align-items: center; gap: 4px; }
.dv-group vscode-textfield { width: 5.5em; }
.dv-toolbar vscode-single-select[data-control="presets"] { width: 16em; }
.dv-toolbar vscode-single-select[data-control="colourmap"] { width: 6.5em; }
.dv-body { display: flex; gap: 8px; align-items: flex-start; }
.dv-main { flex: 1; min-width: 0; display: flex; flex-direction: column; gap: 6px; }
.dv-side { flex: 0 0 302px; display: flex; flex-direction: column; gap: 6px; overflow-y: auto; }
.dv-panel-row { display: flex; align-items: center; gap: 4px; flex-wrap: wrap; }
.dv-panel-row vscode-textfield { width: 4.5em; }
.dv-panel-block { display: flex; flex-direction: column; gap: 4px; }
.dv-panel-block vscode-single-select { width: 100%; }
.dv-panel-title { font-weight: 600; }
.dv-results { font-family: var(--vscode-editor-font-family); font-size: 0.92em; color: var(--vscode-descriptionForeground); }
.dv-range { width: 140px; accent-color: var(--vscode-button-background); }
.dv-stage { position: relative; height: 60vh; min-height: 240px; background: #000; border: 1px solid var(--vscode-panel-border, transparent); overflow: hidden; cursor: crosshair; touch-action: none; }
.dv-stage canvas.dv-image { position: absolute; left: 0; top: 0; image-rendering: pixelated; }
.dv-message { position: absolute; inset: 0; z-index: 3; background: var(--vscode-editor-background); display: flex; align-items: center; justify-content: center; padding: 1em; text-align: center; color: var(--vscode-errorForeground); }
.dv-message[hidden] { display: none; }
.dv-readout { position: absolute; left: 6px; top: 6px; z-index: 2; pointer-events: none; padding: 1px 6px; border-radius: 3px; background: rgba(0, 0, 0, 0.6); color: #f0f0f0; font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size); white-space: pre; }
.dv-readout:empty { display: none; }
.dv-colourbar { position: absolute; right: 6px; top: 8px; bottom: 8px; z-index: 2; width: 40px; display: flex; flex-direction: column; align-items: center; gap: 2px; pointer-events: none; }
.dv-colourbar-ramp { flex: 1; width: 14px; min-height: 40px; border: 1px solid #888; image-rendering: pixelated; }
.dv-colourbar-label { font-size: 10px; color: #f0f0f0; background: rgba(0, 0, 0, 0.6); padding: 0 2px; white-space: nowrap; }
.dv-grid { position: absolute; inset: 4px 48px 4px 4px; z-index: 1; display: grid; gap: 4px; align-content: start; overflow: auto; }
.dv-grid-cell { position: relative; padding: 0; border: 1px solid #444; background: #000; cursor: pointer; }
.dv-grid-cell:focus-visible { outline: 2px solid var(--vscode-focusBorder); }
.dv-grid-image { display: block; image-rendering: pixelated; }
.dv-grid-label { position: absolute; left: 2px; top: 2px; font-size: 11px; color: #ffd400; background: rgba(0, 0, 0, 0.6); padding: 0 3px; }
.dv-histogram { width: 300px; height: 96px; border: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, #8884)); cursor: ew-resize; }
.dv-frames { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
.dv-frames .dv-range { flex: 1; min-width: 160px; width: auto; }
.dv-frames vscode-textfield { width: 4em; }
.dv-status { color: var(--vscode-descriptionForeground); }
.dv-partial { color: var(--vscode-editorWarning-foreground, var(--vscode-errorForeground)); }
.dv-partial[hidden] { display: none; }
`;

let sheet: CSSStyleSheet | undefined;

export function applyViewerStyles(doc: Document): void {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  if (!doc.adoptedStyleSheets.includes(sheet)) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}
