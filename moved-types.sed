# Types moved from ops-pve to ops-proxmox (issue 15). Run on Java sources, docs and jshell scripts:
#   git ls-files '*.java' '*.md' '*.jsh' | xargs sed -i -E -f moved-types.sed
# It is idempotent: running it again, or on a tree that already has ops-proxmox, changes nothing
# (the three-argument ApiChange<T, C, SomeClient> of ops-proxmox and ops-pbs is left alone).
# Renamed types first (simple names too: they are unique words), then the packages of types that keep their names.
s/\bdev\.ops\.pve\.PveApi\b/dev.ops.proxmox.ProxmoxApi/g
s/\bPveApi\b/ProxmoxApi/g
s/\bdev\.ops\.pve\.PveResponse\b/dev.ops.proxmox.ProxmoxResponse/g
s/\bPveResponse\b/ProxmoxResponse/g
s/\bdev\.ops\.pve\.PveListener\b/dev.ops.proxmox.ProxmoxListener/g
s/\bPveListener\b/ProxmoxListener/g
s/\bdev\.ops\.pve\.task\.PveTask\b/dev.ops.proxmox.task.ProxmoxTask/g
s/\bPveTask\b/ProxmoxTask/g
s/\bdev\.ops\.pve\.change\.PveCallAction\b/dev.ops.proxmox.change.ApiCallAction/g
s/\bPveCallAction\b/ApiCallAction/g
s/\bdev\.ops\.pve\.internal\.PveJson\b/dev.ops.proxmox.internal.ProxmoxJson/g
s/\bPveJson\b/ProxmoxJson/g
s/\bdev\.ops\.pve\.error\.Pve([A-Za-z]*)\b/dev.ops.proxmox.error.Proxmox\1/g
s/\bPve(AlreadyExistsException|ApiException|Call|CallTimeoutException|CertificateException|HttpError|InvalidParameterException|LockedException|NotFoundException|PermissionException|RootTicketRequiredException|ServerException|TaskFailedException|TaskStillRunningException)\b/Proxmox\1/g
s/\bdev\.ops\.pve\.error\b/dev.ops.proxmox.error/g
# The PVE change base keeps its package under a PVE name; the neutral base is dev.ops.proxmox.change.ApiChange<T, C, K>.
s/\bdev\.ops\.pve\.change\.ApiChange\b/dev.ops.pve.change.PveChange/g
/extends ApiChange<[^>]*Client>/!s/\bextends ApiChange</extends PveChange</g
s/\bdev\.ops\.pve\.change\.SecretParams\b/dev.ops.proxmox.change.SecretParams/g
s/\bdev\.ops\.pve\.(JsonValue|ListAnswer|LoginInfo|RetryPolicy|HeavySlot|LocalHeavySlots|SharedHeavySlots)\b/dev.ops.proxmox.\1/g
s/\bdev\.ops\.pve\.task\.(PollPolicy|TaskDurations|TaskOutcome|TaskStatus|TimeSource|Upid)\b/dev.ops.proxmox.task.\1/g
s/\bdev\.ops\.pve\.task\.internal\.StopTaskChange\b/dev.ops.proxmox.task.internal.StopTaskChange/g
s/\bdev\.ops\.pve\.internal\.(AnswerText|ApiSocketFactory|Auth|BackupServerNames|BaseUrl|ClientChecks|ConfigEntryChange|DeflatedAnswers|Dialect|ErrorClassifier|Handles|JsonFields|LenientValues|LimitedSource|Listeners|NodeValue|Params|QuietConnectionPool|ReadTimeoutSocket|SettingsDiff|Tls|Transport|TransportConfig)\b/dev.ops.proxmox.internal.\1/g
s/\bdev\.ops\.pve\.task\.internal\.\*/dev.ops.proxmox.task.internal.*/g
s/\bdev\.ops\.pve\.task\.\*/dev.ops.proxmox.task.*/g
