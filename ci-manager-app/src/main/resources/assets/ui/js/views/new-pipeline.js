// Create a pipeline from YAML: the identifier names the URL the YAML is PUT to.

import { api, path } from '../api.js';
import { h } from '../dom.js';
import { projectHash } from './context.js';
import { yamlForm } from './pipeline.js';

const template = (org, project) => `pipeline:
  identifier: my_pipeline
  name: My pipeline
  orgIdentifier: ${org}
  projectIdentifier: ${project}
  properties:
    ci:
      codebase:
        connectorRef: app_repo
        build:
          type: branch
          spec:
            branch: main
  stages:
    - stage:
        identifier: build
        name: Build
        type: CI
        spec:
          cloneCodebase: true
          execution:
            steps:
              - step:
                  identifier: BuildAndPush
                  name: Build and Push
                  type: BuildAndPushDockerRegistry
                  spec:
                    connectorRef: account.local_registry
                    repo: demo/app
                    tags:
                      - <+pipeline.sequenceId>
                    dockerfile: Dockerfile
                    context: .
`;

export function render(ctx) {
  const { org, project } = ctx.params;
  ctx.setCrumbs([{ label: org }, { label: project, href: projectHash(org, project) }, { label: 'New pipeline' }]);
  const identifier = h('input', { id: 'new-pipeline-id', type: 'text', testid: 'new-pipeline-identifier', value: 'my_pipeline', required: true, autocomplete: 'off' });
  const form = yamlForm(template(org, project), async (yaml) => {
    const id = identifier.value.trim();
    if (!id) {
      identifier.focus();
      throw { message: 'Identifier is required', code: null };
    }
    await api.putYaml(path`/orgs/${org}/projects/${project}/pipelines/${id}`, yaml);
    ctx.navigate(`${projectHash(org, project)}/pipelines/${encodeURIComponent(id)}/settings`);
  }, h('div', { class: 'field' },
    h('label', { for: 'new-pipeline-id' }, 'Identifier'),
    identifier,
    h('p', { class: 'muted small' }, 'Must match pipeline.identifier in the YAML.')));
  ctx.main.append(h('section', { class: 'page', testid: 'new-pipeline-page' }, h('h1', null, 'New pipeline'), form));
}
