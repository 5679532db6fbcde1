package id.go.bangka.inovasi.catalog.evidence;

import com.mongodb.client.gridfs.model.GridFSFile;
import id.go.bangka.inovasi.catalog.history.HistoryEntry;
import id.go.bangka.inovasi.catalog.innovation.Innovation;
import id.go.bangka.inovasi.catalog.innovation.InnovationStore;
import id.go.bangka.inovasi.catalog.innovation.Visibility;
import id.go.bangka.inovasi.catalog.snapshot.SnapshotPublisher;
import id.go.bangka.inovasi.events.ChangeKind;
import id.go.bangka.inovasi.events.InnovationChanged;
import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.platform.identity.Roles;
import id.go.bangka.inovasi.platform.problem.ApiProblem;
import id.go.bangka.inovasi.platform.problem.FieldError;
import id.go.bangka.inovasi.platform.problem.PlainText;
import java.io.IOException;
import java.io.PushbackInputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsResource;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Evidence per IID indicator: owners declare a parameter and links and upload files (PDF, JPEG, PNG, checked by
 * content); any owner change resets the indicator to PENDING; reviewers accept or reject. Each change is a new
 * version of the innovation with an audit entry and recomputed claimed and verified scores, published as a snapshot.
 */
@Service
public class EvidenceService {

    static final int MAX_FILES = 10;
    static final int MAX_LINKS = 10;
    private static final int ATTEMPTS = 5;
    private static final Set<InnovationStatus> CLOSED = Set.of(InnovationStatus.WITHDRAWN, InnovationStatus.ARCHIVED);

    private final InnovationStore store;
    private final GridFsTemplate files;
    private final IndicatorCatalog indicators;
    private final SnapshotPublisher snapshots;
    private final Clock clock = Clock.systemUTC();

    public EvidenceService(InnovationStore store, GridFsTemplate files, IndicatorCatalog indicators,
            SnapshotPublisher snapshots) {
        this.store = store;
        this.files = files;
        this.indicators = indicators;
        this.snapshots = snapshots;
    }

    /** The owner sets the chosen parameter and links of an indicator. */
    public Innovation declare(CallerIdentity caller, UUID id, String code, EvidenceRequest request) {
        Indicator indicator = indicator(code);
        validate(request);
        return change(caller, id, true, "EVIDENCE", null, current -> {
            Evidence before = current.get(indicator.code());
            return new Evidence(indicator.code(), request.parameter(), request.links(),
                    before == null ? List.of() : before.files(), Evidence.State.PENDING, null, clock.instant(),
                    caller.clientId());
        }, indicator);
    }

    /** The owner adds a file to an indicator's evidence. */
    public Innovation addFile(CallerIdentity caller, UUID id, String code, MultipartFile upload) {
        Indicator indicator = indicator(code);
        Innovation innovation = owned(caller, id);
        Evidence existing = innovation.evidence() == null ? null : innovation.evidence().get(indicator.code());
        if (existing == null) {
            throw new ApiProblem(HttpStatus.CONFLICT, "No evidence declared",
                    "Declare the parameter of indicator " + code + " first (PUT .../evidence/" + code + ").");
        }
        if (existing.files().size() >= MAX_FILES) {
            throw new ApiProblem(HttpStatus.CONFLICT, "Too many files",
                    "Indicator " + code + " already has " + MAX_FILES + " files.");
        }
        Evidence.EvidenceFile stored = store(upload, id, indicator.code());
        try {
            return change(caller, id, true, "EVIDENCE_FILE_ADDED", null, current -> {
                Evidence before = current.get(indicator.code());
                List<Evidence.EvidenceFile> list = new ArrayList<>(before.files());
                list.add(stored);
                return new Evidence(before.indicator(), before.parameter(), before.links(), list,
                        Evidence.State.PENDING, null, clock.instant(), caller.clientId());
            }, indicator);
        } catch (RuntimeException e) {
            files.delete(Query.query(Criteria.where("_id").is(new ObjectId(stored.id()))));
            throw e;
        }
    }

    /** The owner removes a file. */
    public Innovation removeFile(CallerIdentity caller, UUID id, String code, String fileId) {
        Indicator indicator = indicator(code);
        Innovation changed = change(caller, id, true, "EVIDENCE_FILE_REMOVED", null, current -> {
            Evidence before = current.get(indicator.code());
            if (before == null || before.files().stream().noneMatch(f -> f.id().equals(fileId))) {
                throw ApiProblem.notFound("No file " + fileId + " in the evidence of indicator " + code + ".");
            }
            return new Evidence(before.indicator(), before.parameter(), before.links(),
                    before.files().stream().filter(f -> !f.id().equals(fileId)).toList(), Evidence.State.PENDING,
                    null, clock.instant(), caller.clientId());
        }, indicator);
        if (ObjectId.isValid(fileId)) {
            files.delete(Query.query(Criteria.where("_id").is(new ObjectId(fileId))));
        }
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
        if (request.note() != null && request.note().length() > 2000) {
            throw invalid(List.of(new FieldError("/note", "must be at most 2000 characters")));
        }
        PlainText.check("/note", request.note(), true).ifPresent(error -> {
            throw invalid(List.of(error));
        });
        String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        return change(caller, id, false, "EVIDENCE_" + request.state(), note, current -> {
            Evidence before = current.get(indicator.code());
            if (before == null) {
                throw ApiProblem.notFound("Indicator " + code + " has no evidence to verify.");
            }
            return new Evidence(before.indicator(), before.parameter(), before.links(), before.files(),
                    request.state(), note, clock.instant(), caller.clientId());
        }, indicator);
    }

    /** Every indicator of the period with the innovation's evidence; for the owner and reviewers. */
    public EvidenceView view(CallerIdentity caller, UUID id) {
        Innovation innovation = readable(caller, id);
        Map<String, Evidence> evidence = innovation.evidence() == null ? Map.of() : innovation.evidence();
        List<EvidenceView.Row> rows = indicators.all().stream().map(i -> {
            Evidence e = evidence.get(i.code());
            return new EvidenceView.Row(i, e, e == null ? 0 : i.weight() * e.parameter());
        }).toList();
        return new EvidenceView(indicators.period(), scores(evidence), rows);
    }

    /** A file of evidence, for the owner and reviewers. */
    public GridFsResource file(CallerIdentity caller, UUID id, String code, String fileId) {
        Innovation innovation = readable(caller, id);
        Evidence evidence = innovation.evidence() == null ? null : innovation.evidence().get(code);
        if (evidence == null || evidence.files().stream().noneMatch(f -> f.id().equals(fileId))
                || !ObjectId.isValid(fileId)) {
            throw ApiProblem.notFound("No file " + fileId + " in the evidence of indicator " + code + ".");
        }
        GridFSFile file = files.findOne(Query.query(Criteria.where("_id").is(new ObjectId(fileId))));
        if (file == null) {
            throw ApiProblem.notFound("File " + fileId + " is no longer stored.");
        }
        return files.getResource(file);
    }

    InnovationChanged.Scores scores(Map<String, Evidence> evidence) {
        int claimed = 0;
        int verified = 0;
        int accepted = 0;
        for (Evidence e : evidence.values()) {
            int weight = indicators.find(e.indicator()).map(Indicator::weight).orElse(0);
            claimed += weight * e.parameter();
            if (e.state() == Evidence.State.ACCEPTED) {
                verified += weight * e.parameter();
                accepted++;
            }
        }
        return new InnovationChanged.Scores(indicators.period(), claimed, verified, evidence.size(), accepted);
    }

    private Innovation change(CallerIdentity caller, UUID id, boolean byOwner, String action, String note,
            Function<Map<String, Evidence>, Evidence> mutation, Indicator indicator) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Innovation current = byOwner ? owned(caller, id) : store.find(id)
                    .orElseThrow(() -> ApiProblem.notFound("No innovation " + id + "."));
            if (CLOSED.contains(current.status())) {
                throw new ApiProblem(HttpStatus.CONFLICT, "Innovation closed",
                        "Evidence cannot change while the innovation is " + current.status() + ".");
            }
            Map<String, Evidence> evidence = new HashMap<>(current.evidence() == null ? Map.of()
                    : current.evidence());
            Evidence before = evidence.get(indicator.code());
            Evidence after = mutation.apply(evidence);
            evidence.put(indicator.code(), after);
            Innovation next = current.withEvidence(evidence, scores(evidence),
                    new InnovationChanged.LastChange(ChangeKind.EVIDENCE_CHANGED, clock.instant(), caller.clientId(),
                            null),
                    action + " " + indicator.code(), changes(indicator.code(), before, after), note);
            if (store.replace(current.version(), next)) {
                snapshots.publish(next);
                return next;
            }
        }
        throw new ApiProblem(HttpStatus.CONFLICT, "Busy", "The innovation kept changing; try again.");
    }

    private static List<HistoryEntry.FieldChange> changes(String code, Evidence before, Evidence after) {
        List<HistoryEntry.FieldChange> changes = new ArrayList<>();
        String prefix = "evidence." + code + ".";
        add(changes, prefix + "parameter", before == null ? null : before.parameter(), after.parameter());
        add(changes, prefix + "links", before == null ? null : before.links(), after.links());
        add(changes, prefix + "files", before == null ? null : before.files().stream().map(Evidence.EvidenceFile::name).toList(),
                after.files().stream().map(Evidence.EvidenceFile::name).toList());
        add(changes, prefix + "state", before == null ? null : before.state(), after.state());
        return changes;
    }

    private static void add(List<HistoryEntry.FieldChange> changes, String field, Object from, Object to) {
        if (from == null ? to != null : !from.equals(to)) {
            changes.add(new HistoryEntry.FieldChange(field, from == null ? null : from.toString(),
                    to == null ? null : to.toString()));
        }
    }

    private Innovation owned(CallerIdentity caller, UUID id) {
        Innovation innovation = store.find(id).filter(i -> Visibility.maySee(caller, i))
                .orElseThrow(() -> ApiProblem.notFound("No innovation " + id + " is visible to this caller."));
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

    private static void validate(EvidenceRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null || request.parameter() == null) {
            errors.add(new FieldError("/parameter", "parameter is required: 1, 2 or 3"));
        } else if (request.parameter() < 1 || request.parameter() > 3) {
            errors.add(new FieldError("/parameter", "parameter must be 1, 2 or 3"));
        }
        List<String> links = request == null || request.links() == null ? List.of() : request.links();
        if (links.size() > MAX_LINKS) {
            errors.add(new FieldError("/links", "at most " + MAX_LINKS + " links"));
        }
        for (int i = 0; i < links.size(); i++) {
            if (!httpUrl(links.get(i))) {
                errors.add(new FieldError("/links/" + i, "must be an http(s) URL with a host"));
            }
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
    }

    private static boolean httpUrl(String value) {
        if (value == null || value.length() > 2000) {
            return false;
        }
        try {
            URI uri = new URI(value);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static ApiProblem invalid(List<FieldError> errors) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request",
                "The request has " + errors.size() + " invalid value(s); see errors.").with("errors", errors);
    }

    private Evidence.EvidenceFile store(MultipartFile upload, UUID id, String indicator) {
        if (upload == null || upload.isEmpty()) {
            throw invalid(List.of(new FieldError("file", "a non-empty file part named 'file' is required")));
        }
        try (PushbackInputStream in = new PushbackInputStream(upload.getInputStream(), 8)) {
            byte[] head = in.readNBytes(8);
            FileType type = FileType.detect(head).orElseThrow(() -> new ApiProblem(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported file type",
                    "Evidence files must be PDF, JPEG or PNG; the content of this file is none of them."));
            in.unread(head);
            String name = FileNames.sanitise(upload.getOriginalFilename(), type);
            ObjectId fileId = files.store(in, name, type.contentType(),
                    new Document("innovationId", id.toString()).append("indicator", indicator));
            return new Evidence.EvidenceFile(fileId.toHexString(), name, type.contentType(), upload.getSize());
        } catch (IOException e) {
            throw ApiProblem.badRequest("The file could not be read: " + e.getMessage());
        }
    }
}
