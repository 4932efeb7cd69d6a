// The realtime stream's public surface: `import { RealtimeListener } from './realtime'`.
export {
  RealtimeListener,
  type RealtimeHealth,
  type RealtimeListenerOptions,
} from './realtime-listener'
export { readMediaSignal, type MediaSignal, type MediaSignalContact } from './media-signal'
export type { SocketRoute, SocketRouter } from './socket-route'
export { websocketUrl } from './websocket-url'
