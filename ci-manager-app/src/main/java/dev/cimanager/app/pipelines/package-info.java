/**
 * Pipeline YAML (the Harness v0 shape): {@link dev.cimanager.app.pipelines.PipelineParser} turns
 * text into an immutable {@link dev.cimanager.app.pipelines.Pipeline} or an {@link
 * dev.cimanager.app.pipelines.InvalidPipelineException} listing every problem with its YAML path;
 * {@link dev.cimanager.app.pipelines.ExpressionResolver} fills {@code <+...>} expressions for one
 * execution; {@link dev.cimanager.app.pipelines.PipelineRepository} stores the YAML as sent; {@link
 * dev.cimanager.app.pipelines.PipelineResource} is the REST API.
 *
 * <p>The model, parser and expressions depend on Jackson only; the repository and resource on the
 * app's accounts, connectors and Mongo wiring.
 */
package dev.cimanager.app.pipelines;
