/**
 * The request rules every service and the gateway share, each defined once: OPD code, reporting year, http(s) link,
 * plain text. Each rule is a plain class ({@link id.go.bangka.inovasi.platform.validation.OpdCodes},
 * {@link id.go.bangka.inovasi.platform.validation.ReportingYears},
 * {@link id.go.bangka.inovasi.platform.validation.HttpLinks}, and
 * {@link id.go.bangka.inovasi.platform.problem.PlainText}) that needs neither Bean Validation nor a servlet container,
 * so the WebFlux gateway uses it as it is; the Bean Validation constraints ({@code @OpdCode}, {@code @ReportingYear},
 * {@code @HttpLink}, {@code @Text}) wrap those classes for the servlet services' request records and query
 * parameters. They live here rather than in {@code events} because they are rules of the HTTP API, not of the event
 * contract, and every module that checks them already depends on platform-starter.
 */
package id.go.bangka.inovasi.platform.validation;
