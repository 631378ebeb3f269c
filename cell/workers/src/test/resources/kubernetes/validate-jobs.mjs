// Checks Kubernetes Job manifests (YAML files, one Job each) against the batch/v1 Job schema that the npm package
// kubernetes-models generates from Kubernetes' OpenAPI definitions. Prints one line per file; exits 1 if any fails.
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { Job } from 'kubernetes-models/batch/v1/Job';

let failed = false;
for (const file of process.argv.slice(2)) {
  const manifest = load(readFileSync(file, 'utf8'));
  try {
    // The model sets apiVersion and kind itself, so they are checked here.
    if (manifest.apiVersion !== 'batch/v1' || manifest.kind !== 'Job') {
      throw new Error(`not a batch/v1 Job but ${manifest.apiVersion} ${manifest.kind}`);
    }
    new Job(manifest).validate();
    console.log(`${file}: valid`);
  } catch (invalid) {
    failed = true;
    console.log(`${file}: invalid: ${invalid.message}`);
  }
}
process.exit(failed ? 1 : 0);
