/**
 * The viewer bundle (dist/webview/viewer.js): loads the themed controls and registers the
 * viewer with the editor page, which mounts it for files with pixel data.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import { registerViewer } from '../editor/viewerSeam';
import { mountViewer } from './mountViewer';

registerViewer(mountViewer);
