// Reading one entry of a provisioning file the way Grafana's typed values read it
// (pkg/services/provisioning/values/values.go): either key spelling (apiVersion 1's camelCase
// or apiVersion 0's snake_case), strings expanded from the environment in apiVersion 1 files,
// booleans as Go's strconv.ParseBool reads them. Errors name the field and its line, never
// the value, which may be a secret.
import { isRecord } from '../../contract/json.ts';
import { type Env, InterpolationError, interpolate } from './interpolate.ts';
import type { YamlFile } from './yaml-file.ts';

export class FieldError extends Error {}

const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

export class Fields {
  constructor(
    readonly yaml: YamlFile,
    /** Where the entry sits in the file: ["datasources", 0]. */
    readonly path: readonly (string | number)[],
    readonly entry: Record<string, unknown>,
    /** apiVersion ≥ 1: strings are expanded from the environment. */
    private readonly env: Env | null,
  ) {}

  /** "datasources[0].jsonData" for a path. */
  static label(path: readonly (string | number)[]): string {
    return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');
  }

  /** A complaint about a key of this entry, naming its file, line and field. */
  error(key: string, words: string): FieldError {
    const path = [...this.path, key];
    return new FieldError(`${this.yaml.where(path)}: ${Fields.label(path)}: ${words}`);
  }

  /** The key actually used among the spellings, or undefined. */
  keyOf(...keys: string[]): string | undefined {
    return keys.find((k) => this.entry[k] !== undefined && this.entry[k] !== null);
  }

  private expand(key: string, raw: string): string {
    if (!this.env) return raw;
    try {
      return interpolate(raw, this.env);
    } catch (e) {
      if (e instanceof InterpolationError) throw this.error(key, e.message);
      throw e;
    }
  }

  string(...keys: string[]): string | undefined {
    const key = this.keyOf(...keys);
    if (key === undefined) return undefined;
    const v = this.entry[key];
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    if (typeof v !== 'string') throw this.error(key, 'must be a string');
    return this.expand(key, v);
  }

  bool(...keys: string[]): boolean | undefined {
    const key = this.keyOf(...keys);
    if (key === undefined) return undefined;
    const v = this.entry[key];
    if (typeof v === 'boolean') return v;
    const text = typeof v === 'string' ? this.expand(key, v) : String(v);
    if (text === '') return undefined;
    if (TRUE.has(text)) return true;
    if (FALSE.has(text)) return false;
    throw this.error(key, 'must be true or false');
  }

  int(...keys: string[]): number | undefined {
    const key = this.keyOf(...keys);
    if (key === undefined) return undefined;
    const v = this.entry[key];
    const text = typeof v === 'string' ? this.expand(key, v).trim() : String(v);
    // Grafana's IntValue: an empty value is as if it were not there.
    if (text === '') return undefined;
    if (!/^-?\d+$/.test(text)) throw this.error(key, 'must be a whole number');
    return Number(text);
  }

  /** A nested map (jsonData), as Fields of its own. */
  map(...keys: string[]): Fields {
    const key = this.keyOf(...keys);
    const v = key === undefined ? {} : this.entry[key];
    if (!isRecord(v)) throw this.error(key ?? keys[0]!, 'must be a map of keys to values');
    return new Fields(this.yaml, key ? [...this.path, key] : this.path, v, this.env);
  }
}
