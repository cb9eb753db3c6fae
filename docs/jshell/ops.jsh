// Imports for exploring ops in JShell (opened by bin/ops-jshell).
import dev.ops.core.*;
import dev.ops.core.change.*;
import dev.ops.core.error.*;
import dev.ops.core.facts.*;
import dev.ops.core.file.*;
import dev.ops.core.fleet.*;
import dev.ops.core.host.*;
import dev.ops.core.policy.*;
import dev.ops.core.secret.*;
import dev.ops.core.store.*;
import java.time.Duration;
var local = LocalHost.create();
System.out.println("ops ready: try BasicFacts.of(local) or ManagedFile.on(local, Ops.inMemory()).path(\"/etc/motd\").content(\"hi\\n\").present().plan()");
