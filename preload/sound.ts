// The ringtone page's preload: one function that reports to main what the page found
// (its outputs, where it plays). Main checks the sender and parses every payload.
import { contextBridge, ipcRenderer } from 'electron'
import type { CallTraySoundApi } from '../common/ipc-contract'

const api: CallTraySoundApi = {
  report: (channel, payload) => ipcRenderer.send(channel, payload),
}

contextBridge.exposeInMainWorld('callTraySound', api)
