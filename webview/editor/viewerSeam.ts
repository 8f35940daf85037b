/**
 * Where the frame viewer plugs into the editor page.
 *
 * The viewer lives in webview/viewer and exports `mountViewer(root, host)`. It is bundled on its
 * own (webview/viewer/main.ts -> dist/webview/viewer.js); the page loads that script before its
 * own when it exists, and the viewer's main.ts registers itself with one line:
 *
 *     import { registerViewer } from '../editor/viewerSeam';
 *     registerViewer(mountViewer);
 *
 * Registration goes through `window` because the two bundles do not share module instances.
 * The page then mounts the viewer into `#frame-viewer` for files with pixel data, and hands it
 * a host: `post` sends to the extension (the host's viewer handler validates), and `onMessage`
 * delivers every message from the extension (the viewer ignores the ones it does not know).
 */

export interface ViewerHost {
  post(message: { readonly type: string; readonly [key: string]: unknown }): void;
  /** Subscribes to messages from the extension; returns the unsubscribe function. */
  onMessage(callback: (message: unknown) => void): () => void;
}

/** What mounting returns: something to dispose when the page shows another file or closes. */
export interface MountedViewer {
  dispose?(): void;
}

export type MountViewer = (root: HTMLElement, host: ViewerHost) => MountedViewer | void;

const GLOBAL_KEY = '__dicomInspectorMountViewer';

type ViewerWindow = Window & { [GLOBAL_KEY]?: MountViewer };

export function registerViewer(mount: MountViewer): void {
  (window as ViewerWindow)[GLOBAL_KEY] = mount;
}

export function registeredViewer(): MountViewer | undefined {
  const mount = (window as ViewerWindow)[GLOBAL_KEY];
  return typeof mount === 'function' ? mount : undefined;
}
