package id.go.bangka.inovasi.events;

/**
 * The innovation as a portal proposes it. Validation happens at intake; the catalogue re-checks what only it can know.
 *
 * @param title   nama inovasi
 * @param opdCode the owning agency's code
 * @param field   bidang
 * @param stage   tahapan
 * @param year    reporting year
 */
public record InnovationProposal(String title, String opdCode, InnovationField field, Stage stage, int year) {
}
