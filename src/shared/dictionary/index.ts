export * from './schema'
export * from './resolve'
export { SPEC_DICTIONARY, SPEC_REQUIRED_FIELDS } from './defaults'
