// What an agent is told when the administrator's policy is there but cannot be used,
// written once for the window, the tray, the sign-in refusal and the headless runner.
export const POLICY_UNREADABLE = 'Your administrator’s Call Tray policy could not be read'
