// One WebSocket to /websocket (authenticated by the cookie), resumed from the last notification id it saw.

import { routeUrl } from "./api.js";

const SESSION_ENDED = 4001;
const FIRST_RETRY_MS = 500;
const LAST_RETRY_MS = 5000;
const ACTIVITY_REPORT_MS = 60000;

export class Feed {
  /**
   * handlers: notify(channel, message), status("connecting" | "live" | "reconnecting"),
   * resync() after a reconnection or when the server lost our place (reload what is shown),
   * ended() when the server ended the sign-in (4001).
   */
  constructor(handlers) {
    this.handlers = handlers;
    this.channels = [];
    this.last = 0;
    this.socket = null;
    this.retryMs = FIRST_RETRY_MS;
    this.everSubscribed = false;
    this.stopped = false;
    this.lastActivityReport = 0;
    this.retryTimer = null;
  }

  start(channels) {
    this.channels = channels;
    this.open();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    if (this.socket) {
      this.socket.close(1000, "signed out");
    }
  }

  follow(channels) {
    const changed = channels.length !== this.channels.length || channels.some((c, i) => c !== this.channels[i]);
    this.channels = channels;
    if (changed && this.socket && this.socket.readyState === WebSocket.OPEN) {
      this.subscribe();
    }
  }

  reportActivity() {
    const now = Date.now();
    if (now - this.lastActivityReport < ACTIVITY_REPORT_MS || !this.isOpen()) {
      return;
    }
    this.lastActivityReport = now;
    this.socket.send(JSON.stringify({ event_name: "update_presence", data: { inactivity_period: 0 } }));
  }

  isOpen() {
    return this.socket !== null && this.socket.readyState === WebSocket.OPEN;
  }

  open() {
    const url = routeUrl("/websocket");
    url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
    const socket = new WebSocket(url);
    this.socket = socket;
    this.freshSocket = true;
    this.handlers.status(this.everSubscribed ? "reconnecting" : "connecting");
    socket.onopen = () => this.subscribe();
    socket.onmessage = (frame) => this.receive(JSON.parse(frame.data));
    socket.onclose = (event) => this.closed(socket, event);
  }

  subscribe() {
    this.socket.send(JSON.stringify({ event_name: "subscribe", data: { channels: this.channels, last: this.last } }));
  }

  receive(payload) {
    if (Array.isArray(payload)) {
      for (const notification of payload) {
        if (notification.transient) {
          // a typing signal: never kept, and its id is that of the last notification this socket was given
          this.handlers.notify(notification.channel, notification.message);
          continue;
        }
        if (notification.id <= this.last) {
          continue;
        }
        this.last = notification.id;
        this.handlers.notify(notification.channel, notification.message);
      }
      return;
    }
    switch (payload.event_name) {
      case "subscribed":
        if (this.freshSocket) {
          // Notifications after `last` are on their way; what changed while we were away without reaching the
          // log we resume from (on the memory storage a restarted node starts a new log) is read again.
          this.freshSocket = false;
          this.retryMs = FIRST_RETRY_MS;
          this.handlers.status("live");
          if (this.everSubscribed) {
            this.handlers.resync();
          }
          this.everSubscribed = true;
        }
        break;
      case "history_expired":
        // The server no longer knows our place (its log moved on, or a memory node restarted): what is shown is reloaded,
        // and the live notifications, already flowing, are taken from any id on.
        this.last = 0;
        this.handlers.resync();
        break;
      case "subscribe_refused":
        // A presence channel may have stopped being ours to read (a contact removed meanwhile): keep the
        // channels that always are rather than none.
        console.warn("subscription refused", payload.data);
        if (this.channels.some((c) => c.startsWith("presence:"))) {
          this.channels = this.channels.filter((c) => !c.startsWith("presence:"));
          this.subscribe();
        }
        break;
      default:
        break;
    }
  }

  closed(socket, event) {
    if (socket !== this.socket || this.stopped) {
      return;
    }
    this.socket = null;
    if (event.code === SESSION_ENDED) {
      this.handlers.ended();
      return;
    }
    this.handlers.status("reconnecting");
    this.retryTimer = setTimeout(() => this.open(), this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, LAST_RETRY_MS);
  }
}
