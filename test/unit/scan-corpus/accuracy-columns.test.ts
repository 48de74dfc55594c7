import { corpusSuite } from '../../scan/corpus/accuracy-suite';

corpusSuite('22-of-27');
