// The media signals Rocket.Chat pushes on `stream-notify-user` `<userId>/media-signal` for each
// call transition, per ee/packages/media-calls (UserActorAgent, buildNewCallSignal) and the
// types of @rocket.chat/media-signaling 1.2.0. A new call tells each user party about it with
// its role; accept / activation / hangup become `notification`s to every user party. The
// callee's `ack` (none → ringing) sends nothing: it is the acknowledging device talking to the
// server, and the server's ServerMediaSignal set has no ringing notification.

import type { MediaCall, MediaCallContact, MediaCallState } from './types'

export interface SignalDelivery {
  userId: string
  signal: Record<string, unknown>
}

export function signalsForTransition(
  call: MediaCall,
  previous: MediaCallState | null,
): SignalDelivery[] {
  if (previous === null) return newCallSignals(call)
  const state = call.state
  if (state !== 'accepted' && state !== 'active' && state !== 'hangup') return []
  return userParties(call).map(({ party }) => ({
    userId: party.id,
    signal: notification(call, state, party),
  }))
}

function newCallSignals(call: MediaCall): SignalDelivery[] {
  const internal = call.caller.type === 'user' && call.callee.type === 'user'
  return userParties(call).map(({ party, role }) => {
    const contact = role === 'caller' ? call.callee : call.caller
    const flags = internal
      ? role === 'caller'
        ? ['internal', 'create-data-channel']
        : ['internal']
      : []
    return {
      userId: party.id,
      signal: {
        callId: call._id,
        type: 'new',
        service: call.service,
        kind: call.kind,
        role,
        self: { ...party },
        contact: { ...contact },
        flags,
        ...(role === 'caller' &&
          call.callerRequestedId && { requestedCallId: call.callerRequestedId }),
      },
    }
  })
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
