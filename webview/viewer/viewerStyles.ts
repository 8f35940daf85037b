/**
 * The viewer's styles, applied as a constructable stylesheet: the page's Content Security
 * Policy allows no inline <style>, and the stylesheet travels inside the viewer's bundle.
 * Colours come from the VS Code theme variables.
 */
const CSS = `
.dv-root { display: flex; flex-direction: column; gap: 6px; outline: none; color: var(--vscode-foreground); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); }
.dv-root [hidden] { display: none !important; }
.dv-root:focus-visible { outline: 1px solid var(--vscode-focusBorder); }
.dv-toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 12px; }
.dv-group { display: flex; align-items: center; gap: 4px; }
.dv-group vscode-textfield { width: 7em; }
.dv-range { width: 140px; accent-color: var(--vscode-button-background); }
.dv-stage { position: relative; height: 60vh; min-height: 240px; background: var(--vscode-editor-background); border: 1px solid var(--vscode-panel-border, transparent); overflow: hidden; cursor: crosshair; touch-action: none; }
.dv-stage canvas.dv-image { position: absolute; left: 0; top: 0; image-rendering: pixelated; }
.dv-message { position: absolute; inset: 0; z-index: 1; background: var(--vscode-editor-background); display: flex; align-items: center; justify-content: center; padding: 1em; text-align: center; color: var(--vscode-errorForeground); }
.dv-message[hidden] { display: none; }
.dv-readout { font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size); min-height: 1.4em; color: var(--vscode-descriptionForeground); white-space: pre; }
.dv-bottom { display: flex; flex-wrap: wrap; gap: 12px; align-items: flex-start; }
.dv-histogram { border: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, #8884)); cursor: ew-resize; }
.dv-frames { display: flex; align-items: center; gap: 6px; flex: 1; min-width: 260px; }
.dv-frames .dv-range { flex: 1; width: auto; }
.dv-frames vscode-textfield { width: 5em; }
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
