/**
 * The API's error answers, all of the shape {@code {"code","message"}} (plus {@code errors} for
 * invalid YAML): the only place, with the resources, where an HTTP status and code are chosen.
 * {@link dev.cimanager.app.errors.DomainExceptionMapper} answers the domain's typed failures by
 * their reason, {@link dev.cimanager.app.errors.InvalidYamlExceptionMapper} a pipeline's or
 * trigger's YAML problems, {@link dev.cimanager.app.errors.ApiExceptionMapper} what resources and
 * filters throw themselves; the others turn the framework's failures (unreadable JSON, bean
 * validation, unknown paths) and anything unexpected (500 with an id to find in the log) into the
 * same shape. Dropwizard's own mappers are not registered.
 */
package dev.cimanager.app.errors;
