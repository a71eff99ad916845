// Pure: trigger YAML templates for the Triggers tab, and the enabled switch as a one-line edit.

/** A new webhook trigger's YAML (the contract's trigger-webhook.yaml shape). */
export function webhookTemplate({ identifier, org, project, pipeline, provider = 'Github', event = 'Push', connectorRef = 'app_repo', secret = '' }) {
  return `trigger:
  identifier: ${identifier}
  name: ${identifier}
  orgIdentifier: ${org}
  projectIdentifier: ${project}
  pipelineIdentifier: ${pipeline}
  enabled: true
  source:
    type: Webhook
    spec:
      type: ${provider}
      spec:
        type: ${event}
        spec:
          connectorRef: ${connectorRef}
          secret: ${secret}
          payloadConditions:
            - key: targetBranch
              operator: Equals
              value: main
`;
}

/** A new schedule's YAML (the contract's trigger-cron.yaml shape). */
export function cronTemplate({ identifier, org, project, pipeline, expression = '0 3 * * *', timezone = 'UTC' }) {
  return `trigger:
  identifier: ${identifier}
  name: ${identifier}
  orgIdentifier: ${org}
  projectIdentifier: ${project}
  pipelineIdentifier: ${pipeline}
  enabled: true
  source:
    type: Scheduled
    spec:
      type: Cron
      spec:
        expression: "${expression}"
        timezone: ${timezone}
`;
}

/**
 * The YAML with the trigger's `enabled` set to `enabled`: the existing line of the trigger map (two-space
 * indent) is rewritten, or one is added after `identifier:`. Everything else stays as written.
 */
export function withEnabled(yaml, enabled) {
  const line = /^(  enabled:)[^\n#]*?(\s*(#.*)?)$/m;
  if (line.test(yaml)) return yaml.replace(line, `$1 ${enabled}$2`);
  return yaml.replace(/^(  identifier:[^\n]*)$/m, `$1\n  enabled: ${enabled}`);
}
