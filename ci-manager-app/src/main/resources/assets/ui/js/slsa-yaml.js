// Reads and rewrites the `slsa_provenance` block of a pipeline's CI stages, as text.
//
// The browser has no YAML library without npm, and a parse/emit round trip would drop the user's
// comments, quoting and key order anyway. So this module edits lines: it finds each `- stage:` item
// by indentation, reads the few keys it needs, and replaces (or inserts) only the `slsa_provenance`
// block under that stage's `spec:`. Every other byte of the document stays as it was.
// Pure functions only, so `node --test ci-manager-app/src/test/js/` covers them.

export class YamlEditError extends Error {
  constructor(message) {
    super(message);
    this.name = 'YamlEditError';
  }
}

/** The messages the API uses for the same mistakes, shown next to the fields. */
export function validateSlsaSettings({ enabled, privateKey, password }) {
  const errors = {};
  if (!enabled) return errors;
  if (!privateKey) errors.privateKey = 'Private key is required';
  if (!password) errors.password = 'Password is required';
  return errors;
}

/**
 * Every `- stage:` item in document order:
 * `{identifier, name, type, slsa}` where `slsa` is `{enabled, attestationType, privateKey, password}`
 * or null when the stage has no `slsa_provenance` block.
 */
export function listStages(yamlText) {
  const lines = scan(yamlText).lines;
  return findStages(lines).map((stage) => describeStage(lines, stage));
}

/**
 * Returns the document with `slsa_provenance` of stage `stageIdentifier` set to `settings`
 * (`{enabled, privateKey, password}`), laid out exactly as in the contract's pipeline-slsa.yaml.
 * Throws YamlEditError when the stage is missing or written in a form this editor does not handle.
 */
export function setSlsaProvenance(yamlText, stageIdentifier, settings) {
  const { lines, eol } = scan(yamlText);
  const stage = findStages(lines).find((s) => describeStage(lines, s).identifier === stageIdentifier);
  if (!stage) {
    throw new YamlEditError(`Tried to edit stage "${stageIdentifier}" but the YAML has no stage with that identifier`);
  }
  const stageChildren = children(lines, stage.start, stage.end);
  const unit = Math.max(1, (stageChildren.indent ?? stage.keyCol + 2) - stage.keyCol);
  const spec = stageChildren.byKey.get('spec');
  let replaceStart;
  let replaceEnd;
  let newLines;
  if (!spec) {
    const indent = stageChildren.indent ?? stage.keyCol + unit;
    replaceStart = replaceEnd = stage.end;
    newLines = [' '.repeat(indent) + 'spec:', ...slsaBlock(settings, indent + unit, unit)];
  } else if (spec.rest === '{}') {
    // An empty flow mapping becomes a block mapping holding just the new block.
    const specLine = lines[spec.index];
    replaceStart = spec.index;
    replaceEnd = spec.index + 1;
    newLines = [' '.repeat(specLine.indent) + 'spec:', ...slsaBlock(settings, specLine.indent + unit, unit)];
  } else {
    if (spec.rest !== '') {
      throw new YamlEditError(
        `Tried to edit stage "${stageIdentifier}" but its spec is written inline ("spec: ${spec.rest}"); edit it in the YAML tab`);
    }
    const specChildren = children(lines, spec.index + 1, spec.end);
    const indent = specChildren.indent ?? lines[spec.index].indent + unit;
    newLines = slsaBlock(settings, indent, unit);
    const existing = specChildren.byKey.get('slsa_provenance');
    if (existing) {
      replaceStart = existing.index;
      replaceEnd = existing.end;
    } else {
      const execution = specChildren.byKey.get('execution');
      replaceStart = replaceEnd = execution ? execution.index : spec.end;
    }
  }
  const texts = lines.map((l) => l.text);
  texts.splice(replaceStart, replaceEnd - replaceStart, ...newLines);
  return texts.join(eol);
}

/** The block for `settings`, each line indented by `indent` spaces, nested by `unit`. */
export function slsaBlock({ enabled, privateKey, password }, indent, unit = 2) {
  const pad = (level) => ' '.repeat(indent + level * unit);
  const block = [pad(0) + 'slsa_provenance:', pad(1) + `enabled: ${enabled ? 'true' : 'false'}`];
  if (enabled || privateKey || password) {
    block.push(
      pad(1) + 'attestation:',
      pad(2) + 'type: cosign',
      pad(2) + 'spec:',
      pad(3) + `private_key: ${formatScalar(privateKey ?? '')}`,
      pad(3) + `password: ${formatScalar(password ?? '')}`);
  }
  return block;
}

/** A plain scalar when YAML reads it back as the same string, a double-quoted one otherwise. */
export function formatScalar(value) {
  const plain = /^[A-Za-z_][A-Za-z0-9_.\-/]*$/.test(value)
    && !/^(true|false|yes|no|on|off|null|y|n)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

/** The string value of a scalar written after `key:`, without quotes or a trailing comment. */
export function parseScalar(rest) {
  const text = rest.trim();
  if (text.startsWith('"')) {
    const match = /^"((?:[^"\\]|\\.)*)"/.exec(text);
    if (match) {
      try { return JSON.parse(`"${match[1]}"`); } catch { return match[1]; }
    }
    return text;
  }
  if (text.startsWith("'")) {
    const match = /^'((?:[^']|'')*)'/.exec(text);
    return match ? match[1].replace(/''/g, "'") : text;
  }
  const comment = text.search(/(^|\s)#/);
  return (comment === -1 ? text : text.slice(0, comment)).trim();
}

// ---- line scanning ------------------------------------------------------------------------------
// Exported for verification-yaml.js, which edits steps with the same rules.

const KEY_LINE = /^((?:-[ ]+)*)("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{[][^:#]*?)[ ]*:(?:[ ]+(.*))?$/;

export function scan(text) {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/).map((raw) => {
    const content = raw.trimStart();
    return {
      text: raw,
      indent: raw.length - content.length,
      content,
      meaningful: content !== '' && !content.startsWith('#') && content !== '---',
    };
  });
  markBlockScalars(lines);
  return { lines, eol };
}

// The body of `key: |` or `key: >` may contain anything, even "- stage:"; hide it from the search.
function markBlockScalars(lines) {
  let parentCol = null;
  for (const line of lines) {
    if (parentCol !== null) {
      if (line.content === '' || line.indent > parentCol) {
        line.meaningful = false;
        line.scalarBody = line.content !== '';
        continue;
      }
      parentCol = null;
    }
    if (!line.meaningful) continue;
    const key = parseKeyLine(line);
    const rest = key ? key.rest : line.content.replace(/^(-[ ]+)+/, '');
    if (/^[|>][-+0-9]*\s*(#.*)?$/.test(rest)) parentCol = key ? key.keyCol : line.indent;
  }
}

export function parseKeyLine(line) {
  const match = KEY_LINE.exec(line.content);
  if (!match) return null;
  const dashes = match[1];
  return {
    dash: dashes !== '',
    keyCol: line.indent + dashes.length,
    key: parseScalar(match[2]),
    rest: stripComment(match[3] ?? ''),
  };
}

function stripComment(rest) {
  const trimmed = rest.trim();
  if (trimmed.startsWith('#')) return '';
  if (trimmed.startsWith('"') || trimmed.startsWith("'")) return trimmed;
  const comment = trimmed.search(/\s#/);
  return comment === -1 ? trimmed : trimmed.slice(0, comment).trim();
}

// Index just past the last meaningful line nested deeper than keyCol, starting at `from`.
// Trailing blank lines and comments stay outside: they usually introduce what follows.
export function blockEnd(lines, from, keyCol) {
  let end = from;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i];
    if (!line.meaningful) {
      if (line.scalarBody) end = i + 1;
      continue;
    }
    if (line.indent <= keyCol) break;
    end = i + 1;
  }
  return end;
}

export function findStages(lines) {
  const stages = [];
  lines.forEach((line, index) => {
    if (!line.meaningful) return;
    const key = parseKeyLine(line);
    if (key && key.dash && key.key === 'stage' && key.rest === '') {
      stages.push({ index, keyCol: key.keyCol, start: index + 1, end: blockEnd(lines, index + 1, key.keyCol) });
    }
  });
  return stages;
}

// The keys of the mapping in lines [start, end): those at the indentation of its first key.
export function children(lines, start, end) {
  const byKey = new Map();
  let indent = null;
  for (let i = start; i < end; i++) {
    const line = lines[i];
    if (!line.meaningful) continue;
    if (indent === null) indent = line.indent;
    if (line.indent !== indent) continue;
    const key = parseKeyLine(line);
    if (key && !key.dash && !byKey.has(key.key)) {
      byKey.set(key.key, { index: i, rest: key.rest, end: blockEnd(lines, i + 1, line.indent) });
    }
  }
  return { indent, byKey };
}

function describeStage(lines, stage) {
  const own = children(lines, stage.start, stage.end).byKey;
  const value = (map, key) => (map.has(key) ? parseScalar(map.get(key).rest) : null);
  let slsa = null;
  const spec = own.get('spec');
  const block = spec && children(lines, spec.index + 1, spec.end).byKey.get('slsa_provenance');
  if (block) {
    const slsaKeys = children(lines, block.index + 1, block.end).byKey;
    const attestation = slsaKeys.get('attestation');
    const attestationKeys = attestation ? children(lines, attestation.index + 1, attestation.end).byKey : new Map();
    const attSpec = attestationKeys.get('spec');
    const attSpecKeys = attSpec ? children(lines, attSpec.index + 1, attSpec.end).byKey : new Map();
    slsa = {
      enabled: /^(true|yes|on)$/i.test(value(slsaKeys, 'enabled') ?? ''),
      attestationType: value(attestationKeys, 'type'),
      privateKey: value(attSpecKeys, 'private_key'),
      password: value(attSpecKeys, 'password'),
    };
  }
  return {
    identifier: value(own, 'identifier'),
    name: value(own, 'name'),
    type: value(own, 'type'),
    slsa,
  };
}
