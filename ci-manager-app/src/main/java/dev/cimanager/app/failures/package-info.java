/**
 * What can go wrong in the domain, without HTTP: {@link dev.cimanager.app.failures.DomainException}
 * is the base of the typed failures each package throws (secrets, connectors, executions, ...),
 * each with an enum reason callers switch on. The API's status and code of every reason are chosen
 * in {@code errors}, which depends on this package and the domain packages, never the other way
 * round.
 */
package dev.cimanager.app.failures;
