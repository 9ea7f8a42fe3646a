// Writes fixtures/services-hub.txt (see services-hub.ts). Run: npx tsx test/registry/record-services.mts
import { writeFileSync } from 'node:fs';
import { serviceTranscript } from './services-hub.ts';

writeFileSync(new URL('./fixtures/services-hub.txt', import.meta.url), await serviceTranscript());
