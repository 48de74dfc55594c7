import { corpusSuite } from '../../scan/corpus/accuracy-suite';

corpusSuite('9-of-11');
