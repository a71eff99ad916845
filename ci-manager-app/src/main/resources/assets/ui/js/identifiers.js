// Pure: identifiers and scopes as the API names them.

/** "My registry 2" -> "my_registry_2": the identifier a name suggests (letters, digits, _; not a digit first). */
export function toIdentifier(name) {
  const id = String(name).trim().toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 127);
  return /^[0-9]/.test(id) ? `_${id}` : id;
}

export const isIdentifier = (value) => /^[A-Za-z_][A-Za-z0-9_]{0,127}$/.test(value);

/** The API path prefix of a scope: '' (account), '/orgs/o', '/orgs/o/projects/p'. */
export function scopePrefix({ level, org, project }) {
  const e = encodeURIComponent;
  if (level === 'account') return '';
  if (level === 'org') return `/orgs/${e(org)}`;
  return `/orgs/${e(org)}/projects/${e(project)}`;
}

/** How a pipeline of the project refers to an object `identifier` of that scope. */
export function referenceIn(level, identifier) {
  return level === 'account' ? `account.${identifier}` : level === 'org' ? `org.${identifier}` : identifier;
}

/** "Build app" with the identifier as secondary text, unless they are the same. */
export function nameWithId(name, identifier) {
  return name && name !== identifier ? { primary: name, secondary: identifier } : { primary: identifier, secondary: null };
}
