// What an agent is told when the administrator's policy is there but cannot be used,
// written once for the window, the tray, the sign-in refusal and the headless runner.
import { t } from './i18n'

export const policyUnreadableText = (): string => t('policy.unreadable')
