package io.quarry.actor;

import static java.util.Objects.requireNonNull;

import akka.actor.Address;
import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.actor.typed.javadsl.TimerScheduler;
import akka.actor.typed.receptionist.Receptionist;
import akka.actor.typed.receptionist.ServiceKey;
import akka.cluster.ClusterEvent;
import akka.cluster.Member;
import akka.cluster.MemberStatus;
import akka.cluster.UniqueAddress;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Subscribe;
import io.quarry.client.ClusterNode;
import io.quarry.config.NodeConfig;
import io.quarry.spi.NodeInfo;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cluster as Quarry sees it, from Akka Cluster membership and reachability: which nodes exist, which
 * are failed (unreachable or removed), their ids, HTTP addresses and roles, and which workers can take
 * tasks (their task managers, found through the Receptionist). Backs {@code /v1/node} and scheduling.
 *
 * <p>A node's id and HTTP address travel as member roles {@code node-id:<id>} and {@code http:<uri>}.
 */
public final class NodeRegistry extends AbstractBehavior<NodeRegistry.Command> {
    public static final String WORKER_ROLE = "worker";
    public static final String COORDINATOR_ROLE = "coordinator";
    static final String NODE_ID_ROLE_PREFIX = "node-id:";
    static final String HTTP_ROLE_PREFIX = "http:";

    /** Every node's registry, found by the others to probe it. */
    public static final ServiceKey<Command> SERVICE_KEY = ServiceKey.create(Command.class, "quarry-node-registry");
    /** How often a coordinator probes each other node, and how long it waits for the answer. */
    static final Duration PROBE_INTERVAL = Duration.ofMillis(500);
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

    public sealed interface Command {}

    /** A coordinator's probe: the registry answers at once, which shows the node and the path to it work. */
    public record Probe(ActorRef<ProbeAnswer> replyTo) implements Command, ClusterMessage {
        public Probe {
            requireNonNull(replyTo, "replyTo is null");
        }
    }

    public record ProbeAnswer(String nodeId) implements ClusterMessage {}

    /** The other nodes of the cluster, failed ones included. */
    public record GetNodes(ActorRef<Nodes> replyTo) implements Command, LocalOnly {}

    public record Nodes(List<ClusterNode> nodes) implements LocalOnly {
        public Nodes {
            nodes = List.copyOf(nodes);
        }
    }

    /** Every member, this node included, as the system connector shows them. */
    public record GetMembers(ActorRef<Members> replyTo) implements Command, LocalOnly {}

    public record Members(List<NodeInfo> members) implements LocalOnly {
        public Members {
            members = List.copyOf(members);
        }
    }

    /** The workers that can take tasks now, in a stable order. */
    public record GetWorkers(ActorRef<Workers> replyTo) implements Command, LocalOnly {}

    public record Workers(List<WorkerRef> workers) implements LocalOnly {
        public Workers {
            workers = List.copyOf(workers);
        }
    }

    private record MembershipChanged(ClusterEvent.MemberEvent event) implements Command, LocalOnly {}

    private record ReachabilityChanged(ClusterEvent.ReachabilityEvent event) implements Command, LocalOnly {}

    /** A Receptionist listing: of the task managers, or (on a coordinator) of the node registries. */
    private record ListingChanged(Receptionist.Listing listing) implements Command, LocalOnly {}

    private record ProbeDone(UniqueAddress member, Throwable error) implements Command, LocalOnly {}

    private enum ProbeTick implements Command, LocalOnly {
        INSTANCE
    }

    private static final class Entry {
        final String nodeId;
        final URI httpUri;
        final Set<String> roles;
        final Instant joined;
        final ProbeCounters probes;
        MemberStatus status;
        boolean unreachable;
        boolean removed;
        Instant since;

        Entry(Member member, Instant now) {
            Set<String> quarryRoles = new HashSet<>();
            String id = member.address().toString();
            URI uri = URI.create("http://" + member.address().host().getOrElse(() -> "127.0.0.1"));
            for (String role : member.getRoles()) {
                if (role.startsWith(NODE_ID_ROLE_PREFIX)) {
                    id = role.substring(NODE_ID_ROLE_PREFIX.length());
                } else if (role.startsWith(HTTP_ROLE_PREFIX)) {
                    uri = URI.create(role.substring(HTTP_ROLE_PREFIX.length()));
                } else if (role.equals(WORKER_ROLE) || role.equals(COORDINATOR_ROLE)) {
                    quarryRoles.add(role);
                }
            }
            this.nodeId = id;
            this.httpUri = uri;
            this.roles = Set.copyOf(quarryRoles);
            this.joined = now;
            this.probes = new ProbeCounters(now);
            this.since = now;
            this.status = member.status();
        }

        boolean failed() {
            return unreachable || removed || status == MemberStatus.down();
        }

        boolean active() {
            return !failed() && status == MemberStatus.up();
        }

        ClusterNode toClusterNode(Instant now) {
            return new ClusterNode(nodeId, httpUri, roles, failed(), since, joined, probes.figures(now));
        }
    }

    private final UniqueAddress selfAddress;
    /** By incarnation: a node restarted on the same host and port is a new member. */
    private final Map<UniqueAddress, Entry> members = new HashMap<>();
    private final Map<Address, ActorRef<TaskManager.Command>> taskManagers = new HashMap<>();
    private final Map<Address, ActorRef<Command>> registries = new HashMap<>();
    private final String selfNodeId;

    public static Behavior<Command> create() {
        return Behaviors.setup(context -> Behaviors.withTimers(timers -> new NodeRegistry(context, timers)));
    }

    private NodeRegistry(ActorContext<Command> context, TimerScheduler<Command> timers) {
        super(context);
        Cluster cluster = Cluster.get(context.getSystem());
        selfAddress = cluster.selfMember().uniqueAddress();
        selfNodeId = new Entry(cluster.selfMember(), Instant.now()).nodeId;
        // One adapter for both listings: a second adapter of the same class would replace the first.
        ActorRef<Receptionist.Listing> listings = context.messageAdapter(Receptionist.Listing.class, ListingChanged::new);
        context.getSystem().receptionist().tell(Receptionist.register(SERVICE_KEY, context.getSelf()));
        if (cluster.selfMember().hasRole(COORDINATOR_ROLE)) {
            // Only a coordinator shows /v1/node, so only it probes.
            context.getSystem().receptionist().tell(Receptionist.subscribe(SERVICE_KEY, listings));
            timers.startTimerWithFixedDelay(ProbeTick.INSTANCE, PROBE_INTERVAL);
        }
        cluster.subscriptions().tell(Subscribe.create(
                context.messageAdapter(ClusterEvent.MemberEvent.class, MembershipChanged::new),
                ClusterEvent.MemberEvent.class));
        cluster.subscriptions().tell(Subscribe.create(
                context.messageAdapter(ClusterEvent.ReachabilityEvent.class, ReachabilityChanged::new),
                ClusterEvent.ReachabilityEvent.class));
        context.getSystem().receptionist().tell(Receptionist.subscribe(TaskManager.SERVICE_KEY, listings));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(GetNodes.class, this::onGetNodes)
                .onMessage(GetWorkers.class, this::onGetWorkers)
                .onMessage(GetMembers.class, this::onGetMembers)
                .onMessage(MembershipChanged.class, this::onMembershipChanged)
                .onMessage(ReachabilityChanged.class, this::onReachabilityChanged)
                .onMessage(ListingChanged.class, changed -> changed.listing().isForKey(SERVICE_KEY)
                        ? onRegistriesChanged(changed.listing())
                        : onTaskManagersChanged(changed.listing()))
                .onMessage(Probe.class, probe -> {
                    probe.replyTo().tell(new ProbeAnswer(selfNodeId));
                    return this;
                })
                .onMessageEquals(ProbeTick.INSTANCE, this::onProbeTick)
                .onMessage(ProbeDone.class, this::onProbeDone)
                .build();
    }

    private Behavior<Command> onGetNodes(GetNodes request) {
        List<ClusterNode> nodes = new ArrayList<>();
        Instant now = Instant.now();
        members.forEach((address, entry) -> {
            if (!address.equals(selfAddress)) {
                nodes.add(entry.toClusterNode(now));
            }
        });
        nodes.sort(Comparator.comparing(ClusterNode::nodeId));
        request.replyTo().tell(new Nodes(nodes));
        return this;
    }

    private Behavior<Command> onGetMembers(GetMembers request) {
        List<NodeInfo> rows = new ArrayList<>();
        for (Entry entry : members.values()) {
            String state = entry.active() ? "active" : entry.failed() ? "failed" : "joining";
            rows.add(new NodeInfo(
                    entry.nodeId, entry.httpUri.toString(), NodeConfig.VERSION, entry.roles.contains(COORDINATOR_ROLE), state));
        }
        rows.sort(Comparator.comparing(NodeInfo::nodeId));
        request.replyTo().tell(new Members(rows));
        return this;
    }

    private Behavior<Command> onGetWorkers(GetWorkers request) {
        List<WorkerRef> workers = new ArrayList<>();
        taskManagers.forEach((address, taskManager) -> {
            Entry entry = current(address);
            if (entry != null && entry.active() && entry.roles.contains(WORKER_ROLE)) {
                workers.add(new WorkerRef(entry.nodeId, entry.httpUri.toString(), taskManager));
            }
        });
        workers.sort(Comparator.comparing(WorkerRef::nodeId));
        request.replyTo().tell(new Workers(workers));
        return this;
    }

    private Behavior<Command> onMembershipChanged(MembershipChanged message) {
        Member member = message.event().member();
        Instant now = Instant.now();
        if (message.event() instanceof ClusterEvent.MemberRemoved && !members.containsKey(member.uniqueAddress())) {
            return this; // an old incarnation, already replaced by a newer one at the same address
        }
        Entry entry = entryOf(member, now);
        boolean wasFailed = entry.failed();
        entry.status = member.status();
        boolean left = false;
        if (message.event() instanceof ClusterEvent.MemberRemoved removed) {
            entry.removed = true;
            left = removed.previousStatus() == MemberStatus.exiting();
            taskManagers.remove(member.address());
        }
        if (left) {
            entry.since = now;
            getContext().getLog().info("Node {} ({}) left the cluster", entry.nodeId, entry.httpUri);
            return this;
        }
        if (entry.failed() != wasFailed) {
            entry.since = now;
            logChange(entry);
        } else if (message.event() instanceof ClusterEvent.MemberUp) {
            getContext().getLog().info("Node {} joined ({}, roles {})", entry.nodeId, entry.httpUri, entry.roles);
        }
        return this;
    }

    private Behavior<Command> onReachabilityChanged(ReachabilityChanged message) {
        Member member = message.event().member();
        Entry entry = members.get(member.uniqueAddress());
        if (entry == null) {
            return this;
        }
        boolean wasFailed = entry.failed();
        entry.unreachable = message.event() instanceof ClusterEvent.UnreachableMember;
        if (entry.failed() != wasFailed) {
            entry.since = Instant.now();
            logChange(entry);
        }
        return this;
    }

    /** The entry of this incarnation; a new incarnation replaces an old one at the same address. */
    private Entry entryOf(Member member, Instant now) {
        Entry entry = members.get(member.uniqueAddress());
        if (entry == null) {
            members.keySet().removeIf(known -> known.address().equals(member.address()));
            entry = new Entry(member, now);
            members.put(member.uniqueAddress(), entry);
        }
        return entry;
    }

    /** The member at {@code address} now, if any. */
    private Entry current(Address address) {
        for (Map.Entry<UniqueAddress, Entry> member : members.entrySet()) {
            if (member.getKey().address().equals(address)) {
                return member.getValue();
            }
        }
        return null;
    }

    private void logChange(Entry entry) {
        if (entry.failed()) {
            getContext().getLog().warn("Node {} ({}) failed: {}", entry.nodeId, entry.httpUri,
                    entry.removed ? "removed from the cluster" : entry.unreachable ? "unreachable" : entry.status);
        } else {
            getContext().getLog().info("Node {} ({}) is active again", entry.nodeId, entry.httpUri);
        }
    }

    private Behavior<Command> onRegistriesChanged(Receptionist.Listing listing) {
        registries.clear();
        for (ActorRef<Command> ref : listing.getServiceInstances(SERVICE_KEY)) {
            if (!ref.path().address().hasLocalScope()) {
                registries.put(ref.path().address(), ref);
            }
        }
        return this;
    }

    /** Probes every other member that is still in the cluster; an answer or its absence updates its counts. */
    private Behavior<Command> onProbeTick() {
        Instant now = Instant.now();
        members.forEach((member, entry) -> {
            ActorRef<Command> registry = registries.get(member.address());
            if (member.equals(selfAddress) || entry.removed || registry == null) {
                return;
            }
            entry.probes.requested(now);
            getContext().ask(ProbeAnswer.class, registry, PROBE_TIMEOUT, Probe::new,
                    (answer, error) -> new ProbeDone(member, error));
        });
        return this;
    }

    private Behavior<Command> onProbeDone(ProbeDone done) {
        Entry entry = members.get(done.member());
        if (entry != null) {
            if (done.error() == null) {
                entry.probes.succeeded(Instant.now());
            } else {
                entry.probes.failed(Instant.now(), done.error());
            }
        }
        return this;
    }

    private Behavior<Command> onTaskManagersChanged(Receptionist.Listing listing) {
        taskManagers.clear();
        for (ActorRef<TaskManager.Command> ref : listing.getServiceInstances(TaskManager.SERVICE_KEY)) {
            Address address = ref.path().address().hasLocalScope() ? selfAddress.address() : ref.path().address();
            taskManagers.put(address, ref);
        }
        return this;
    }
}
