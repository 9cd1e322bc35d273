export { startDemoCrm, type DemoCrm, type DemoCrmOptions, type DemoCrmStats } from './server';
export { DemoGenerator, abcd as abcdCustomers } from './generator';
