import type { FieldType } from '../../src/catalog/model.js';

/** Normalised type of a Windows event log (manifest) input type such as `Int32` or `UnicodeString`. */
export function windowsFieldType(nativeType: string): FieldType {
  switch (nativeType) {
    case 'UnicodeString':
    case 'AnsiString':
    case 'SID':
      return 'string';
    case 'Int8':
    case 'UInt8':
    case 'Int16':
    case 'UInt16':
    case 'Int32':
    case 'UInt32':
    case 'Int64':
    case 'UInt64':
    case 'HexInt32':
    case 'HexInt64':
      return 'integer';
    case 'Float':
    case 'Double':
      return 'number';
    case 'Boolean':
      return 'boolean';
    case 'GUID':
      return 'guid';
    case 'FILETIME':
    case 'SYSTEMTIME':
      return 'datetime';
    case 'Binary':
      return 'binary';
    default:
      return 'unknown';
  }
}
