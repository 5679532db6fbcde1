package id.go.bangka.inovasi.gateway.auth;

import id.go.bangka.inovasi.gateway.caller.Caller;
import id.go.bangka.inovasi.gateway.caller.GatewayRoles;
import id.go.bangka.inovasi.gateway.oidc.JwtCallerConverter;
import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Checks a set of API clients before the gateway uses it, so a typo never grants or silently drops access. */
final class ClientsValidator {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    private ClientsValidator() {
    }

    /** Every problem found, in plain language; empty when the clients are usable. */
    static List<String> problems(List<ApiClientProperties.Client> clients) {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> hashes = new HashSet<>();
        for (int i = 0; i < clients.size(); i++) {
            ApiClientProperties.Client client = clients.get(i);
            String name = client.id() == null ? "client #" + (i + 1) : "client " + client.id();
            if (client.id() == null || !Caller.CLIENT_ID.matcher(client.id()).matches()) {
                problems.add(name + ": id must be 1 to 100 letters, digits or . _ @ : - (starting with a letter or"
                        + " digit)");
            } else if (CallerIdentity.ANONYMOUS.equals(client.id())) {
                problems.add(name + ": the id '" + CallerIdentity.ANONYMOUS + "' is reserved for the public");
            } else if (client.id().startsWith(JwtCallerConverter.PREFIX)) {
                problems.add(name + ": ids starting with '" + JwtCallerConverter.PREFIX + "' are OIDC callers'");
            } else if (!ids.add(client.id())) {
                problems.add(name + ": the id is used twice");
            }
            if (client.roles().isEmpty() || !GatewayRoles.ALL.containsAll(client.roles())) {
                problems.add(name + ": roles must be one or more of " + new TreeSet<>(GatewayRoles.ALL));
            }
            client.opdCodes().stream().filter(code -> !Caller.isOpdCodeOrAll(code))
                    .forEach(code -> problems.add(name + ": '" + code + "' is not an OPD code (such as DINKES) or *"));
            if (client.roles().contains(GatewayRoles.PORTAL) && client.opdCodes().isEmpty()) {
                problems.add(name + ": a portal needs at least one OPD code");
            }
            if (client.keySha256().isEmpty()) {
                problems.add(name + ": key-sha256 lists no key hash");
            }
            for (String hash : client.keySha256()) {
                if (hash == null || !SHA256_HEX.matcher(hash).matches()) {
                    problems.add(name + ": a key-sha256 entry is not 64 hexadecimal characters");
                } else if (!hashes.add(hash.toLowerCase(Locale.ROOT))) {
                    problems.add(name + ": a key hash is listed twice");
                }
            }
        }
        return problems;
    }
}
