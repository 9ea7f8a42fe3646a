import { MemoryStore } from '../../worker/store/memory-store.ts';
import { storeContract } from './contract.ts';

// No reopen or fault hook: memory does not outlive the instance, and its
// commit cannot fail once validation passed.
storeContract('memory', () => MemoryStore.open());
