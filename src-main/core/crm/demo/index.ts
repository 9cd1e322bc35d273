export { startDemoCrm, type DemoCrm, type DemoCrmOptions, type DemoCrmStats } from './server';
export { DemoGenerator, type DemoCounts, type DemoMessage, type DemoRecord, type DemoThread } from './generator';
export { abcdCustomers, type AbcdCustomer } from './abcd';
