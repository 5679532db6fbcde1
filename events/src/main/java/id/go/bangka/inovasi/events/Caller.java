package id.go.bangka.inovasi.events;

/**
 * The verified caller behind an event, as the gateway authenticated it.
 *
 * @param clientId the client's id (never its key)
 * @param role     the role it acted in
 */
public record Caller(String clientId, String role) {
}
