// The media signals Rocket.Chat pushes on `stream-notify-user` `<userId>/media-signal` for each
// call transition, per ee/packages/media-calls (UserActorAgent, buildNewCallSignal) and the
// types of @rocket.chat/media-signaling 1.2.0. A new call tells each user party about it with
// its role; accept / activation / hangup become `notification`s to every user party. The
// callee's `ack` (none → ringing) sends nothing: it is the acknowledging device talking to the
// server, and the server's ServerMediaSignal set has no ringing notification. Newer builds
// (`newerValues`) add `notification: 'trying'` and the `update` signal.
//
// Replays (GlobalSignalProcessor.processRegisterSignal → getSignalsForExistingCall): when
// another client of the user registers, each live call is announced again with `new`, whose
// `self` carries the contractId of the device holding that side (none while it still rings
// for a callee), then its state as `notification` with that `signedContractId`.

import type { MediaCall, MediaCallContact, MediaCallState } from './types'

export interface SignalDelivery {
  userId: string
  signal: Record<string, unknown>
}

export function signalsForTransition(
  call: MediaCall,
  previous: MediaCallState | null,
  opts: { newerValues: boolean } = { newerValues: false },
): SignalDelivery[] {
  if (previous === null) return newCallSignals(call)
  const state = call.state
  if (state === 'ringing') return opts.newerValues ? tryingSignal(call) : []
  if (state !== 'accepted' && state !== 'active' && state !== 'hangup') return []
  const parties = userParties(call)
  const updates =
    state === 'accepted' && opts.newerValues
      ? parties.map(({ party, role }) => ({ userId: party.id, signal: update(call, role) }))
      : []
  return [
    ...updates,
    ...parties.map(({ party }) => ({ userId: party.id, signal: notification(call, state, party) })),
  ]
}

/** What a newly registered client of `userId` is told about one live call. */
export function replaySignals(call: MediaCall, userId: string): Record<string, unknown>[] {
  if (call.ended) return []
  const own = userParties(call).find(({ party }) => party.id === userId)
  if (!own) return []
  const signals = [newCallSignal(call, own.role)]
  const state = call.state === 'active' ? 'active' : call.callee.contractId ? 'accepted' : null
  if (state && call.state !== 'none' && call.state !== 'ringing') {
    signals.push({
      callId: call._id,
      type: 'notification',
      notification: state,
      ...(own.party.contractId && { signedContractId: own.party.contractId }),
      features: [...call.features],
    })
  }
  return signals
}

function tryingSignal(call: MediaCall): SignalDelivery[] {
  if (call.caller.type !== 'user') return []
  const signal = { callId: call._id, type: 'notification', notification: 'trying' }
  return [{ userId: call.caller.id, signal }]
}

function update(call: MediaCall, role: 'caller' | 'callee'): Record<string, unknown> {
  const contact = role === 'caller' ? call.callee : call.caller
  return { callId: call._id, type: 'update', contact: { ...contact }, features: [...call.features] }
}

function newCallSignals(call: MediaCall): SignalDelivery[] {
  return userParties(call).map(({ party, role }) => ({
    userId: party.id,
    signal: newCallSignal(call, role),
  }))
}

/** getNewCallSignal: `self` is this user's side as stored, so it has a contractId once signed. */
function newCallSignal(call: MediaCall, role: 'caller' | 'callee'): Record<string, unknown> {
  const self = role === 'caller' ? call.caller : call.callee
  const contact = role === 'caller' ? call.callee : call.caller
  const internal = call.caller.type === 'user' && call.callee.type === 'user'
  const flags = internal
    ? role === 'caller'
      ? ['internal', 'create-data-channel']
      : ['internal']
    : []
  return {
    callId: call._id,
    type: 'new',
    service: call.service,
    kind: call.kind,
    role,
    self: { ...self },
    contact: { ...contact },
    flags,
    ...(role === 'caller' && call.callerRequestedId && { requestedCallId: call.callerRequestedId }),
  }
}

function notification(
  call: MediaCall,
  state: 'accepted' | 'active' | 'hangup',
  party: MediaCallContact,
): Record<string, unknown> {
  const base = { callId: call._id, type: 'notification', notification: state }
  if (state !== 'accepted') return base
  return {
    ...base,
    ...(party.contractId && { signedContractId: party.contractId }),
    features: [...call.features],
  }
}

function userParties(call: MediaCall): { party: MediaCallContact; role: 'caller' | 'callee' }[] {
  const parties = [
    { party: call.caller, role: 'caller' as const },
    { party: call.callee, role: 'callee' as const },
  ]
  return parties.filter(({ party }) => party.type === 'user')
}
