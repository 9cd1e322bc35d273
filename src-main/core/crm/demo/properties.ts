import { HttpError, asRecord, propertyError, type PropertyProblem } from './http';
import type { DemoObjectType } from './state';

/**
 * The demo portal's property definitions (HubSpot's Properties API, `Property` in the specs):
 * HubSpot's standard properties the demo's data uses, the retailer's own custom properties
 * (left out with `standardPortal`), and any created through `POST /crm/v3/properties/{type}`.
 * Writes naming a property that is not defined here answer 400, as HubSpot's do.
 */
export interface DemoProperty {
  name: string;
  label: string;
  type: 'bool' | 'date' | 'datetime' | 'enumeration' | 'number' | 'phone_number' | 'string';
  fieldType: string;
  groupName: string;
  description: string;
  options: { label: string; value: string; hidden: boolean; displayOrder: number }[];
  displayOrder: number;
  hasUniqueValue: boolean;
  hidden: boolean;
  formField: boolean;
  calculated: boolean;
  externalOptions: boolean;
  hubspotDefined?: boolean;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
  modificationMetadata: { archivable: boolean; readOnlyDefinition: boolean; readOnlyValue: boolean };
}

type Definition = [name: string, label: string, type: DemoProperty['type'], fieldType: string, options?: string[], readOnly?: boolean];

/** The property holding the last-modified time: `lastmodifieddate` on contacts, `hs_lastmodifieddate` on every other object. */
export const lastModifiedProperty = (type: DemoObjectType): string => (type === 'contacts' ? 'lastmodifieddate' : 'hs_lastmodifieddate');
export const createdProperty = (type: DemoObjectType): string => (type === 'contacts' ? 'createdate' : 'hs_createdate');

/** Returned when a request names no properties, as HubSpot does: the id and the create / modify times (plus a contact's name and email). */
export function defaultProperties(type: DemoObjectType): string[] {
  if (type === 'contacts') return ['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname'];
  if (type === 'line_items') return ['amount', 'hs_createdate', 'hs_lastmodifieddate', 'hs_object_id', 'name', 'price', 'quantity'];
  if (type === 'tickets') return ['content', 'hs_createdate', 'hs_lastmodifieddate', 'hs_object_id', 'hs_pipeline', 'hs_pipeline_stage', 'hs_ticket_category', 'hs_ticket_priority', 'subject'];
  return ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'];
}

const common = (type: DemoObjectType): Definition[] => [
  ['hs_object_id', 'Record ID', 'number', 'number', undefined, true],
  [createdProperty(type), 'Create date', 'datetime', 'date', undefined, true],
  [lastModifiedProperty(type), 'Last modified date', 'datetime', 'date', undefined, true],
];

const standard: Record<DemoObjectType, Definition[]> = {
  contacts: [
    ['email', 'Email', 'string', 'text'],
    ['firstname', 'First name', 'string', 'text'],
    ['lastname', 'Last name', 'string', 'text'],
    ['phone', 'Phone number', 'string', 'phonenumber'],
    ['address', 'Street address', 'string', 'text'],
    ['city', 'City', 'string', 'text'],
    ['state', 'State/Region', 'string', 'text'],
    ['zip', 'Postal code', 'string', 'text'],
    ['hs_merged_object_ids', 'Merged record IDs', 'enumeration', 'checkbox', [], true],
  ],
  orders: [
    ['hs_order_name', 'Name', 'string', 'text'],
    ['hs_total_price', 'Total', 'number', 'number'],
    ['hs_currency_code', 'Currency', 'enumeration', 'select', ['USD', 'EUR', 'GBP', 'CAD']],
    ['hs_fulfillment_status', 'Fulfillment status', 'string', 'text'],
    ['hs_shipping_address_street', 'Shipping street', 'string', 'text'],
    ['hs_payment_method', 'Payment method', 'string', 'text'],
  ],
  line_items: [
    ['name', 'Name', 'string', 'text'],
    ['hs_sku', 'SKU', 'string', 'text'],
    ['quantity', 'Quantity', 'number', 'number'],
    ['price', 'Unit price', 'number', 'number'],
    ['amount', 'Net price', 'number', 'number'],
  ],
  tickets: [
    ['subject', 'Ticket name', 'string', 'text'],
    ['content', 'Ticket description', 'string', 'textarea'],
    ['hs_pipeline', 'Pipeline', 'enumeration', 'select', []],
    ['hs_pipeline_stage', 'Ticket status', 'enumeration', 'select', []],
    ['hs_ticket_priority', 'Priority', 'enumeration', 'select', ['LOW', 'MEDIUM', 'HIGH', 'URGENT']],
    ['hs_ticket_category', 'Category', 'enumeration', 'checkbox', ['PRODUCT_ISSUE', 'BILLING_ISSUE', 'FEATURE_REQUEST', 'GENERAL_INQUIRY']],
    ['hubspot_owner_id', 'Ticket owner', 'enumeration', 'select', []],
  ],
};

/** What the retailer's own portal adds: its customer fields and extra ticket categories. */
const retailer: Record<DemoObjectType, Definition[]> = {
  contacts: [
    ['username', 'Username', 'string', 'text'],
    ['account_id', 'Account ID', 'string', 'text'],
    ['membership_level', 'Membership level', 'enumeration', 'select', ['guest', 'bronze', 'silver', 'gold']],
    ['lifetime_value', 'Lifetime value', 'number', 'number'],
    ['preferences', 'Contact preferences', 'string', 'textarea'],
  ],
  orders: [],
  line_items: [],
  tickets: [],
};
const retailerTicketCategories = ['SHIPPING', 'ACCOUNT', 'RETURNS', 'ORDER_CHANGE', 'MEMBERSHIP'];

const epoch = new Date(0).toISOString();

function toProperty(definition: Definition, index: number, hubspotDefined: boolean, group: string): DemoProperty {
  const [name, label, type, fieldType, options, readOnly] = definition;
  return {
    name,
    label,
    type,
    fieldType,
    groupName: group,
    description: '',
    options: (options ?? []).map((value, order) => ({ label: value.replace(/_/g, ' ').toLowerCase().replace(/^\w/, (c) => c.toUpperCase()), value, hidden: false, displayOrder: order })),
    displayOrder: index,
    hasUniqueValue: false,
    hidden: false,
    formField: !readOnly,
    calculated: false,
    externalOptions: false,
    ...(hubspotDefined ? { hubspotDefined: true } : {}),
    archived: false,
    createdAt: epoch,
    updatedAt: epoch,
    modificationMetadata: { archivable: !hubspotDefined, readOnlyDefinition: hubspotDefined, readOnlyValue: Boolean(readOnly) },
  };
}

const groupOf: Record<DemoObjectType, string> = { contacts: 'contactinformation', orders: 'orderinformation', line_items: 'lineiteminformation', tickets: 'ticketinformation' };
const propertyTypes = new Set(['bool', 'date', 'datetime', 'enumeration', 'number', 'phone_number', 'string']);
const fieldTypes = new Set(['booleancheckbox', 'calculation_equation', 'checkbox', 'date', 'file', 'html', 'number', 'phonenumber', 'radio', 'select', 'text', 'textarea']);

export interface PipelineLookup {
  pipelineIds(): string[];
  stageIds(pipelineId: string): string[] | undefined;
  defaultPipelineId: string;
}

export class PropertyRegistry {
  private readonly byType = new Map<DemoObjectType, Map<string, DemoProperty>>();

  constructor(
    options: { standardPortal: boolean },
    private readonly pipelines: PipelineLookup,
    private readonly now: () => number,
  ) {
    for (const type of Object.keys(standard) as DemoObjectType[]) {
      const map = new Map<string, DemoProperty>();
      [...common(type), ...standard[type]].forEach((definition, index) => map.set(definition[0], toProperty(definition, index, true, groupOf[type])));
      if (!options.standardPortal) retailer[type].forEach((definition, index) => map.set(definition[0], toProperty(definition, 100 + index, false, 'acmebrands')));
      this.byType.set(type, map);
    }
    if (!options.standardPortal) {
      const category = this.byType.get('tickets')?.get('hs_ticket_category');
      if (category) category.options.push(...retailerTicketCategories.map((value, order) => ({ label: value.toLowerCase().replace(/_/g, ' '), value, hidden: false, displayOrder: 10 + order })));
    }
  }

  list(type: DemoObjectType): DemoProperty[] {
    return [...(this.byType.get(type)?.values() ?? [])].map((property) => this.withLiveOptions(type, property));
  }

  get(type: DemoObjectType, name: string): DemoProperty | undefined {
    const property = this.byType.get(type)?.get(name);
    return property && this.withLiveOptions(type, property);
  }

  /** Pipeline and stage options follow the pipelines API. */
  private withLiveOptions(type: DemoObjectType, property: DemoProperty): DemoProperty {
    if (type !== 'tickets') return property;
    if (property.name === 'hs_pipeline') return { ...property, options: this.pipelines.pipelineIds().map((id, order) => ({ label: id, value: id, hidden: false, displayOrder: order })) };
    if (property.name === 'hs_pipeline_stage') {
      const ids = this.pipelines.pipelineIds().flatMap((id) => this.pipelines.stageIds(id) ?? []);
      return { ...property, options: [...new Set(ids)].map((id, order) => ({ label: id, value: id, hidden: false, displayOrder: order })) };
    }
    return property;
  }

  uniqueProperties(type: DemoObjectType): string[] {
    return [...(this.byType.get(type)?.values() ?? [])].filter((property) => property.hasUniqueValue).map((property) => property.name);
  }

  /** `POST /crm/v3/properties/{type}` (`PropertyCreate`: name, label, type, fieldType and groupName required). */
  create(type: DemoObjectType, raw: unknown): DemoProperty {
    const body = asRecord(raw);
    const missing = ['name', 'label', 'type', 'fieldType', 'groupName'].filter((field) => typeof body[field] !== 'string' || (body[field] as string).length === 0);
    if (missing.length > 0) throw new HttpError(400, 'VALIDATION_ERROR', `Invalid input: missing required field(s) ${missing.join(', ')}`, { errors: missing.map((field) => ({ message: `${field} is required`, in: field, code: 'REQUIRED' })) });
    const name = String(body.name);
    if (!/^[a-z][a-z0-9_]{0,99}$/.test(name) || name.startsWith('hs_')) throw new HttpError(400, 'VALIDATION_ERROR', `Property name "${name.slice(0, 100)}" is not valid: lower-case letters, digits and underscores, not starting with hs_`);
    if (!propertyTypes.has(String(body.type))) throw new HttpError(400, 'VALIDATION_ERROR', `Property type "${String(body.type).slice(0, 40)}" is not one of ${[...propertyTypes].join(', ')}`);
    if (!fieldTypes.has(String(body.fieldType))) throw new HttpError(400, 'VALIDATION_ERROR', `Field type "${String(body.fieldType).slice(0, 40)}" is not one of ${[...fieldTypes].join(', ')}`);
    const map = this.byType.get(type);
    if (!map) throw new HttpError(400, 'VALIDATION_ERROR', 'Unknown object type');
    if (map.has(name)) throw new HttpError(409, 'OBJECT_ALREADY_EXISTS', `A property named '${name}' already exists.`);
    const options = Array.isArray(body.options)
      ? body.options.map((option, order) => {
          const item = asRecord(option);
          return { label: String(item.label ?? item.value ?? ''), value: String(item.value ?? ''), hidden: item.hidden === true, displayOrder: typeof item.displayOrder === 'number' ? item.displayOrder : order };
        })
      : [];
    if (body.type === 'enumeration' && options.length === 0) throw new HttpError(400, 'VALIDATION_ERROR', 'An enumeration property needs options');
    const at = new Date(this.now()).toISOString();
    const property: DemoProperty = {
      ...toProperty([name, String(body.label), body.type as DemoProperty['type'], String(body.fieldType)], typeof body.displayOrder === 'number' ? body.displayOrder : -1, false, String(body.groupName)),
      description: typeof body.description === 'string' ? body.description : '',
      options,
      hasUniqueValue: body.hasUniqueValue === true,
      hidden: body.hidden === true,
      formField: body.formField === true,
      createdAt: at,
      updatedAt: at,
    };
    map.set(name, property);
    return property;
  }

  /**
   * Checks a write's properties against the definitions: unknown names, read-only values and
   * values outside an enumeration's options answer 400 with every problem listed.
   */
  validate(type: DemoObjectType, properties: Record<string, string | null>): void {
    const map = this.byType.get(type);
    const problems: PropertyProblem[] = [];
    for (const [name, value] of Object.entries(properties)) {
      const property = map?.get(name);
      if (!property) {
        problems.push({ name, error: 'PROPERTY_DOESNT_EXIST', message: `Property "${name}" does not exist` });
        continue;
      }
      if (property.modificationMetadata.readOnlyValue) {
        problems.push({ name, error: 'READ_ONLY_VALUE', message: `"${name}" is a read only property; its value cannot be set.` });
        continue;
      }
      if (value === null || value === '') continue;
      if (property.type === 'number' && !/^-?\d+(\.\d+)?$/.test(value)) problems.push({ name, error: 'INVALID_FLOAT', message: `${value.slice(0, 100)} was not a valid number.` });
      const live = this.withLiveOptions(type, property);
      if (property.type === 'enumeration' && live.options.length > 0 && name !== 'hs_pipeline_stage') {
        const values = property.fieldType === 'checkbox' ? value.split(';') : [value];
        for (const item of values) if (!live.options.some((option) => option.value === item)) problems.push({ name, error: 'INVALID_OPTION', message: `${item.slice(0, 100)} was not one of the allowed options: ${live.options.map((option) => option.value).join(', ')}` });
      }
    }
    if (problems.length > 0) throw propertyError(problems);
  }

  /** A ticket's stage must belong to its pipeline (the default one when none is named). */
  validateTicketStage(properties: Record<string, string | null>, current?: Record<string, string | null>): void {
    const pipeline = properties.hs_pipeline ?? current?.hs_pipeline ?? this.pipelines.defaultPipelineId;
    const stage = properties.hs_pipeline_stage ?? current?.hs_pipeline_stage ?? null;
    const stages = this.pipelines.stageIds(pipeline);
    if (!stages) throw propertyError([{ name: 'hs_pipeline', error: 'INVALID_OPTION', message: `${pipeline.slice(0, 64)} is not a valid pipeline id.` }]);
    if (stage !== null && !stages.includes(stage)) {
      throw propertyError([{ name: 'hs_pipeline_stage', error: 'INVALID_OPTION', message: `${stage.slice(0, 64)} is not a valid stage of pipeline ${pipeline.slice(0, 64)}; its stages are ${stages.join(', ')}.` }]);
    }
  }
}
