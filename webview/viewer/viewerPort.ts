/**
 * What the frame viewer needs from the page it is mounted in: a way to send its messages and
 * to ask for replies (the page's MessageEndpoint matches them), and the host's notifications.
 */
import type { HostToViewerMessage, ViewerToHostMessage } from '../../src/shared/viewerProtocol';

export interface ViewerPort {
  /** Sends a request (ready, getFrame, saveFrame) and resolves with the host's reply. */
  request<R extends HostToViewerMessage>(message: ViewerToHostMessage): Promise<R>;
  /** Subscribes to the host's notifications for the viewer; returns the unsubscribe function. */
  onMessage(listener: (message: HostToViewerMessage) => void): () => void;
}
