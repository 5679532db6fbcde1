package id.go.bangka.inovasi.catalog.evidence;

import id.go.bangka.inovasi.catalog.innovation.Evidence;
import id.go.bangka.inovasi.catalog.innovation.Innovation;
import id.go.bangka.inovasi.catalog.innovation.InnovationStore;
import id.go.bangka.inovasi.catalog.innovation.Transition;
import id.go.bangka.inovasi.catalog.innovation.Visibility;
import id.go.bangka.inovasi.events.ChangeKind;
import id.go.bangka.inovasi.events.InnovationChanged;
import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.platform.identity.Roles;
import id.go.bangka.inovasi.platform.problem.ApiProblem;
import id.go.bangka.inovasi.platform.problem.FieldError;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.springframework.data.mongodb.gridfs.GridFsResource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Evidence per IID indicator: owners declare a parameter and links and upload files ({@link EvidenceFiles}); any owner
 * change resets the indicator to PENDING; reviewers accept or reject. Each use case authorises, validates and updates
 * the innovation through its transitions ({@link Innovation#changeEvidence}, {@link Innovation#verifyEvidence}), which
 * write a new version with an audit entry and recomputed claimed and verified scores; its snapshot follows.
 */
@Service
public class EvidenceService {

    static final int MAX_FILES = 10;

    private final InnovationStore store;
    private final EvidenceFiles files;
    private final IndicatorCatalog indicators;
    private final Clock clock = Clock.systemUTC();

    public EvidenceService(InnovationStore store, EvidenceFiles files, IndicatorCatalog indicators) {
        this.store = store;
        this.files = files;
        this.indicators = indicators;
    }

    /** The owner sets the chosen parameter and links of an indicator. */
    public Innovation declare(CallerIdentity caller, UUID id, String code, EvidenceRequest request) {
        Indicator indicator = indicator(code);
        validate(request);
        return byOwner(caller, id, indicator, "EVIDENCE", (before, change) -> new Evidence(indicator.code(),
                request.parameter(), request.links(), before == null ? List.of() : before.files(),
                Evidence.State.PENDING, null, change.at(), change.by()));
    }

    /** The owner adds a file to an indicator's evidence; the file is removed again if the change is refused. */
    public Innovation addFile(CallerIdentity caller, UUID id, String code, MultipartFile upload) {
        Indicator indicator = indicator(code);
        Evidence existing = owned(caller, store.find(id).orElse(null), id).evidence(indicator.code());
        if (existing == null) {
            throw noneDeclared(code);
        }
        if (existing.files().size() >= MAX_FILES) {
            throw new ApiProblem(HttpStatus.CONFLICT, "Too many files",
                    "Indicator " + code + " already has " + MAX_FILES + " files.");
        }
        Evidence.EvidenceFile stored = files.store(upload, id, indicator.code());
        try {
            return byOwner(caller, id, indicator, "EVIDENCE_FILE_ADDED", (before, change) -> {
                if (before == null) {
                    throw noneDeclared(code);
                }
                List<Evidence.EvidenceFile> list = new ArrayList<>(before.files());
                list.add(stored);
                return new Evidence(before.indicator(), before.parameter(), before.links(), list,
                        Evidence.State.PENDING, null, change.at(), change.by());
            });
        } catch (RuntimeException e) {
            files.delete(stored.id());
            throw e;
        }
    }

    /** The owner removes a file. */
    public Innovation removeFile(CallerIdentity caller, UUID id, String code, String fileId) {
        Indicator indicator = indicator(code);
        Innovation changed = byOwner(caller, id, indicator, "EVIDENCE_FILE_REMOVED", (before, change) -> {
            if (before == null || before.files().stream().noneMatch(f -> f.id().equals(fileId))) {
                throw ApiProblem.notFound("No file " + fileId + " in the evidence of indicator " + code + ".");
            }
            return new Evidence(before.indicator(), before.parameter(), before.links(),
                    before.files().stream().filter(f -> !f.id().equals(fileId)).toList(), Evidence.State.PENDING,
                    null, change.at(), change.by());
        });
        files.delete(fileId);
        return changed;
    }

    /** A reviewer accepts or rejects an indicator's evidence. */
    public Innovation verify(CallerIdentity caller, UUID id, String code, VerificationRequest request) {
        Indicator indicator = indicator(code);
        if (!caller.hasRole(Roles.REVIEWER)) {
            throw caller.isAnonymous()
                    ? new ApiProblem(HttpStatus.UNAUTHORIZED, "Unauthenticated", "Verifying requires a reviewer.")
                    : ApiProblem.forbidden("Only reviewers verify evidence.");
        }
        if (request == null || request.state() == null || request.state() == Evidence.State.PENDING) {
            throw invalid(List.of(new FieldError("/state", "state must be ACCEPTED or REJECTED")));
        }
        String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        InnovationChanged.LastChange change = change(caller);
        return updated(id, store.update(id, current -> current.verifyEvidence(indicator.code(), request.state(),
                note, indicators::scores, change)));
    }

    /** Every indicator of the period with the innovation's evidence; for the owner and reviewers. */
    public EvidenceView view(CallerIdentity caller, UUID id) {
        Innovation innovation = readable(caller, id);
        Map<String, Evidence> evidence = innovation.evidence() == null ? Map.of() : innovation.evidence();
        List<EvidenceView.Row> rows = indicators.all().stream().map(i -> {
            Evidence e = evidence.get(i.code());
            return new EvidenceView.Row(i, e, e == null ? 0 : i.weight() * e.parameter());
        }).toList();
        return new EvidenceView(indicators.period(), indicators.scores(evidence), rows);
    }

    /** A file of evidence, for the owner and reviewers. */
    public GridFsResource file(CallerIdentity caller, UUID id, String code, String fileId) {
        Evidence evidence = readable(caller, id).evidence(code);
        if (evidence == null || evidence.files().stream().noneMatch(f -> f.id().equals(fileId))) {
            throw ApiProblem.notFound("No file " + fileId + " in the evidence of indicator " + code + ".");
        }
        return files.find(fileId).orElseThrow(() -> ApiProblem.notFound("File " + fileId + " is no longer stored."));
    }

    /**
     * An owner's change of one indicator's evidence: {@code edit} gives the evidence after the change from the one
     * before (null when none was declared), on the version being changed.
     */
    private Innovation byOwner(CallerIdentity caller, UUID id, Indicator indicator, String action,
            BiFunction<Evidence, InnovationChanged.LastChange, Evidence> edit) {
        InnovationChanged.LastChange change = change(caller);
        return updated(id, store.update(id, current -> owned(caller, current, id).changeEvidence(
                edit.apply(current.evidence(indicator.code()), change), indicators::scores, change,
                action + " " + indicator.code())));
    }

    private static ApiProblem noneDeclared(String code) {
        return new ApiProblem(HttpStatus.CONFLICT, "No evidence declared",
                "Declare the parameter of indicator " + code + " first (PUT .../evidence/" + code + ").");
    }

    private InnovationChanged.LastChange change(CallerIdentity caller) {
        return new InnovationChanged.LastChange(ChangeKind.EVIDENCE_CHANGED, clock.instant(), caller.clientId(),
                null);
    }

    /** The changed innovation, or the refusal as a problem. */
    private static Innovation updated(UUID id, Transition result) {
        if (result.made()) {
            return result.next();
        }
        if (result.current() == null) {
            throw ApiProblem.notFound("No innovation " + id + " is visible to this caller.");
        }
        throw switch (result.refusal().code()) {
            case INVALID_STATE -> new ApiProblem(HttpStatus.CONFLICT, "Innovation closed", result.refusal().detail());
            default -> ApiProblem.notFound(result.refusal().detail());
        };
    }

    private static Innovation owned(CallerIdentity caller, Innovation innovation, UUID id) {
        if (innovation == null || !Visibility.maySee(caller, innovation)) {
            throw ApiProblem.notFound("No innovation " + id + " is visible to this caller.");
        }
        if (!(caller.hasRole(Roles.PORTAL) && caller.mayActFor(innovation.opdCode()))) {
            throw caller.isAnonymous()
                    ? new ApiProblem(HttpStatus.UNAUTHORIZED, "Unauthenticated", "Evidence needs the owner's key.")
                    : ApiProblem.forbidden("Only the portal of OPD " + innovation.opdCode() + " changes evidence.");
        }
        return innovation;
    }

    private Innovation readable(CallerIdentity caller, UUID id) {
        return store.find(id).filter(i -> Visibility.mayReadPersonalData(caller, i))
                .orElseThrow(() -> ApiProblem.notFound("No innovation " + id + " is visible to this caller."));
    }

    private Indicator indicator(String code) {
        return indicators.find(code).orElseThrow(() -> ApiProblem.notFound("Unknown IID indicator '"
                + (code.length() > 10 ? code.substring(0, 10) : code) + "'; GET .../evidence lists them."));
    }

    /** The body's rules are its Bean Validation constraints (checked before this); only its absence is left. */
    private static void validate(EvidenceRequest request) {
        if (request == null) {
            throw invalid(List.of(new FieldError("/parameter", "parameter is required: 1, 2 or 3")));
        }
    }

    static ApiProblem invalid(List<FieldError> errors) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request",
                "The request has " + errors.size() + " invalid value(s); see errors.").with("errors", errors);
    }
}
