package id.go.bangka.inovasi.catalog.evidence;

import java.util.List;

/**
 * Body of {@code PUT /api/v1/innovations/{id}/evidence/{indicator}}: the owner's chosen parameter and links.
 *
 * @param parameter 1, 2 or 3
 * @param links     http(s) links to evidence, at most 10
 */
public record EvidenceRequest(Integer parameter, List<String> links) {
}
