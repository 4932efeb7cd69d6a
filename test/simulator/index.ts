// One import for everything the simulator offers: `import { createSimulator } from '../simulator'`.

export { createSimulator } from './simulator'
export {
  AGENT1,
  AGENT_2FA,
  DEMO_USERS,
  FUNKE,
  SUPERVISOR,
  demoScenario,
  makeAgents,
  otherClientRegisters,
  playScenario,
  type PlayOptions,
  type ScenarioStep,
} from './scenarios'
export { CallRejectedError } from './voice-access'
export type * from './types'
