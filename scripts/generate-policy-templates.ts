// Writes the administrators' templates under policy/ from the policy model:
// `npm run policy-templates`. Commit the results together with any change to the model.
import { fileURLToPath } from 'node:url'
import { generatePolicyTemplates } from './policy-templates'
import { writeGeneratedFiles } from './write-files'

writeGeneratedFiles(fileURLToPath(new URL('../policy', import.meta.url)), generatePolicyTemplates())
