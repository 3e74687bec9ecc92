package io.quarry.actor.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.serializers.DefaultSerializers;
import com.esotericsoftware.kryo.serializers.ImmutableCollectionsSerializers;
import io.quarry.block.BooleanBlock;
import io.quarry.block.DoubleBlock;
import io.quarry.block.Int128Block;
import io.quarry.block.LongBlock;
import io.quarry.block.VariableWidthBlock;
import io.quarry.client.ClientSession;
import io.quarry.client.ClusterNode;
import io.quarry.client.FetchRejected;
import io.quarry.client.NodeState;
import io.quarry.client.QueryHandle;
import io.quarry.client.QueryState;
import io.quarry.client.QueryStatistics;
import io.quarry.client.ResultBatch;
import io.quarry.client.ResultColumn;
import io.quarry.client.ResultPhase;
import io.quarry.client.SessionUpdates;
import io.quarry.client.StageStatistics;
import io.quarry.connector.tpch.TpchSplit;
import io.quarry.exchange.BufferResult;
import io.quarry.exchange.OutputBufferInfo;
import io.quarry.page.Page;
import io.quarry.plan.Aggregate;
import io.quarry.plan.AggregateCall;
import io.quarry.plan.AggregationStep;
import io.quarry.plan.Exchange;
import io.quarry.plan.ExchangeKind;
import io.quarry.plan.Filter;
import io.quarry.plan.FragmentDistribution;
import io.quarry.plan.Limit;
import io.quarry.plan.Output;
import io.quarry.plan.PlanFragment;
import io.quarry.plan.Project;
import io.quarry.plan.RemoteSource;
import io.quarry.plan.Sort;
import io.quarry.plan.SortKey;
import io.quarry.plan.TableScan;
import io.quarry.plan.TopN;
import io.quarry.plan.Values;
import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Form;
import io.quarry.plan.expression.InputRef;
import io.quarry.plan.expression.SpecialForm;
import io.quarry.spi.ColumnMetadata;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.ErrorLocation;
import io.quarry.spi.ErrorType;
import io.quarry.spi.FailureInfo;
import io.quarry.spi.QueryId;
import io.quarry.spi.SchemaTableName;
import io.quarry.spi.Session;
import io.quarry.spi.StageId;
import io.quarry.spi.TableMetadata;
import io.quarry.spi.TableStatistics;
import io.quarry.spi.TaskId;
import io.quarry.type.BigintType;
import io.quarry.type.BooleanType;
import io.quarry.type.CharType;
import io.quarry.type.DateType;
import io.quarry.type.DecimalType;
import io.quarry.type.DoubleType;
import io.quarry.type.IntegerType;
import io.quarry.type.RealType;
import io.quarry.type.SmallintType;
import io.quarry.type.Storage;
import io.quarry.type.TinyintType;
import io.quarry.type.UnknownType;
import io.quarry.type.VarbinaryType;
import io.quarry.type.VarcharType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The one table of classes Quarry's Kryo serializer knows, each with a fixed id, so that every node reads
 * what any other node writes. Kryo's own defaults (primitives, their wrappers, {@code String}) and the JDK's
 * immutable collections ({@code List.of}, {@code Set.of}, {@code Map.of}) take the ids below
 * {@link #FIRST_ID}.
 *
 * <p>To make a class travel: add one line at the <b>end</b> of {@link #table} with the next id. Never
 * reuse, renumber or remove an id while nodes of different builds may talk to each other.
 */
public final class KryoRegistrations {
    public static final int FIRST_ID = 100;
    /** Ids from here on are for classes registered through configuration (tests, embedding programs). */
    public static final int FIRST_ADDITIONAL_ID = 10_000;

    /** Where the table's lines go: a Kryo instance, or a list for inspection. */
    interface Table {
        void register(int id, Class<?> type, Serializer<?> serializer);

        default void register(int id, Class<?> type) {
            register(id, type, null);
        }
    }

    private KryoRegistrations() {}

    /**
     * A Kryo instance with registration required, no reference tracking and the whole table. {@code actorRefs}
     * writes typed actor refs; without an actor system, pass {@link #noActorRefs()}. {@code additional} maps ids
     * from {@link #FIRST_ADDITIONAL_ID} on to further classes, registered after the table.
     */
    public static Kryo newKryo(Serializer<?> actorRefs, Map<Integer, Class<?>> additional) {
        Kryo kryo = new Kryo();
        kryo.setRegistrationRequired(true);
        // Messages are trees of records: no shared or cyclic references, so skip the tracking cost.
        kryo.setReferences(false);
        ImmutableCollectionsSerializers.registerSerializers(kryo);
        if (kryo.getNextRegistrationId() > FIRST_ID) {
            throw new IllegalStateException("Kryo's default registrations reach into Quarry's ids");
        }
        table((id, type, serializer) -> {
            if (kryo.getRegistration(id) != null) {
                throw new IllegalStateException("Kryo id " + id + " is registered twice (" + type.getName() + ")");
            }
            if (serializer == null) {
                kryo.register(type, id);
            } else {
                kryo.register(type, serializer, id);
            }
        }, actorRefs);
        additional.forEach((id, type) -> {
            if (id < FIRST_ADDITIONAL_ID) {
                throw new IllegalArgumentException(
                        "additional Kryo registration " + type.getName() + " needs an id of at least " + FIRST_ADDITIONAL_ID);
            }
            if (kryo.getRegistration(id) != null) {
                throw new IllegalArgumentException("Kryo id " + id + " is registered twice (" + type.getName() + ")");
            }
            kryo.register(type, id);
        });
        return kryo;
    }

    /** The table as id → class, in order. */
    public static Map<Integer, Class<?>> registeredClasses() {
        Map<Integer, Class<?>> classes = new TreeMap<>();
        table((id, type, serializer) -> {
            if (classes.put(id, type) != null) {
                throw new IllegalStateException("Kryo id " + id + " is registered twice");
            }
        }, noActorRefs());
        return Collections.unmodifiableMap(classes);
    }

    /** An actor ref serializer for Kryo instances without an actor system: refs cannot travel there. */
    public static Serializer<?> noActorRefs() {
        return new ActorRefSerializer(() -> {
            throw new IllegalStateException("actor refs can only be serialized by the actor system's serializer");
        });
    }

    private static void table(Table kryo, Serializer<?> actorRefs) {
        // JDK values
        kryo.register(100, ArrayList.class);
        kryo.register(101, HashMap.class);
        kryo.register(102, HashSet.class);
        kryo.register(103, LinkedHashMap.class);
        kryo.register(104, LinkedHashSet.class);
        kryo.register(105, Optional.class);
        kryo.register(106, OptionalLong.class);
        kryo.register(107, OptionalInt.class);
        kryo.register(108, OptionalDouble.class);
        kryo.register(109, URI.class, new DefaultSerializers.URISerializer());
        kryo.register(110, BigDecimal.class);
        kryo.register(111, BigInteger.class);
        kryo.register(112, Instant.class);
        kryo.register(113, Duration.class);
        kryo.register(114, ZoneOffset.class);
        kryo.register(115, ZoneId.of("Europe/Berlin").getClass()); // java.time.ZoneRegion is not public
        kryo.register(116, LocalDate.class);
        kryo.register(117, UUID.class, new DefaultSerializers.UUIDSerializer());
        kryo.register(118, byte[].class);
        kryo.register(119, long[].class);
        kryo.register(120, int[].class);
        kryo.register(121, boolean[].class);
        kryo.register(122, double[].class);
        kryo.register(123, String[].class);

        // Akka: typed actor refs, local and remote alike
        kryo.register(124, akka.actor.typed.internal.adapter.ActorRefAdapter.class, actorRefs);

        // Pages and blocks
        kryo.register(125, Page.class, new PageSerializer());
        kryo.register(126, LongBlock.class, new PageSerializer.BlockSerializer());
        kryo.register(127, DoubleBlock.class, new PageSerializer.BlockSerializer());
        kryo.register(128, BooleanBlock.class, new PageSerializer.BlockSerializer());
        kryo.register(129, VariableWidthBlock.class, new PageSerializer.BlockSerializer());
        kryo.register(130, Int128Block.class, new PageSerializer.BlockSerializer());

        // io.quarry.spi
        kryo.register(131, QueryId.class);
        kryo.register(132, StageId.class);
        kryo.register(133, TaskId.class);
        kryo.register(134, ErrorCode.class);
        kryo.register(135, ErrorType.class);
        kryo.register(136, ErrorLocation.class);
        kryo.register(137, FailureInfo.class);
        kryo.register(138, ColumnMetadata.class);
        kryo.register(139, SchemaTableName.class);
        kryo.register(140, TableMetadata.class);
        kryo.register(141, TableStatistics.class);
        kryo.register(142, Session.class);

        // io.quarry.type
        kryo.register(143, BooleanType.class);
        kryo.register(144, TinyintType.class);
        kryo.register(145, SmallintType.class);
        kryo.register(146, IntegerType.class);
        kryo.register(147, BigintType.class);
        kryo.register(148, RealType.class);
        kryo.register(149, DoubleType.class);
        kryo.register(150, DecimalType.class);
        kryo.register(151, VarcharType.class);
        kryo.register(152, CharType.class);
        kryo.register(153, VarbinaryType.class);
        kryo.register(154, DateType.class);
        kryo.register(155, UnknownType.class);
        kryo.register(156, Storage.class);

        // io.quarry.plan and its expressions
        kryo.register(157, Aggregate.class);
        kryo.register(158, AggregateCall.class);
        kryo.register(159, AggregationStep.class);
        kryo.register(160, Exchange.class);
        kryo.register(161, ExchangeKind.class);
        kryo.register(162, Filter.class);
        kryo.register(163, FragmentDistribution.class);
        kryo.register(164, Limit.class);
        kryo.register(165, Output.class);
        kryo.register(166, PlanFragment.class);
        kryo.register(167, Project.class);
        kryo.register(168, RemoteSource.class);
        kryo.register(169, Sort.class);
        kryo.register(170, SortKey.class);
        kryo.register(171, TableScan.class);
        kryo.register(172, TopN.class);
        kryo.register(173, Values.class);
        kryo.register(174, Call.class);
        kryo.register(175, Constant.class);
        kryo.register(176, Form.class);
        kryo.register(177, InputRef.class);
        kryo.register(178, SpecialForm.class);

        // Connector splits
        kryo.register(179, TpchSplit.class);

        // io.quarry.exchange
        kryo.register(180, BufferResult.class);
        kryo.register(181, OutputBufferInfo.class);
        kryo.register(182, OutputBufferInfo.State.class);
        kryo.register(183, OutputBufferInfo.ClientBufferInfo.class);

        // io.quarry.client
        kryo.register(184, QueryState.class);
        kryo.register(185, ClusterNode.class);
        kryo.register(186, QueryStatistics.class);
        kryo.register(187, StageStatistics.class);
        kryo.register(188, ResultColumn.class);
        kryo.register(189, ClientSession.class);
        kryo.register(190, QueryHandle.class);
        kryo.register(191, ResultBatch.class);
        kryo.register(192, ResultPhase.class);
        kryo.register(193, FetchRejected.class);
        kryo.register(194, FetchRejected.Reason.class);
        kryo.register(195, SessionUpdates.class);
        kryo.register(196, NodeState.class);

        kryo.register(197, io.quarry.actor.TaskState.class);
        kryo.register(198, io.quarry.actor.TaskProgress.class);
        kryo.register(199, io.quarry.actor.TaskStatus.class);
        kryo.register(200, io.quarry.actor.RemoteTask.class);
        kryo.register(201, io.quarry.actor.WorkerRef.class);
        kryo.register(202, io.quarry.actor.TaskActor.AddSplits.class);
        kryo.register(203, io.quarry.actor.TaskActor.AddRemoteSources.class);
        kryo.register(204, io.quarry.actor.TaskActor.GetPages.class);
        kryo.register(205, io.quarry.actor.TaskActor.Pages.class);
        kryo.register(206, io.quarry.actor.TaskActor.DestroyBuffer.class);
        kryo.register(207, io.quarry.actor.TaskActor.Cancel.class);
        kryo.register(208, io.quarry.actor.TaskManager.CreateTask.class);
        kryo.register(209, io.quarry.actor.TaskManager.TaskCreated.class);
        kryo.register(210, io.quarry.actor.TaskManager.ListTasks.class);
        kryo.register(211, io.quarry.actor.TaskManager.TaskList.class);
        kryo.register(212, io.quarry.connector.system.SystemSplit.class);
        kryo.register(213, io.quarry.actor.TaskActor.EndRemoteSource.class);
        kryo.register(214, io.quarry.actor.TaskManager.LocateTask.class);
        kryo.register(215, io.quarry.actor.TaskManager.TaskLocated.class);
        kryo.register(216, io.quarry.actor.NodeRegistry.Probe.class);
        kryo.register(217, io.quarry.actor.NodeRegistry.ProbeAnswer.class);
        kryo.register(218, io.quarry.client.ProbeFigures.class);

        // date-time and interval types (ids 400-449)
        kryo.register(400, io.quarry.type.TimestampType.class);
        kryo.register(401, io.quarry.type.TimestampWithTimeZoneType.class);
        kryo.register(402, io.quarry.type.TimeType.class);
        kryo.register(403, io.quarry.type.IntervalDayTimeType.class);
        kryo.register(404, io.quarry.type.IntervalYearMonthType.class);

        // Window functions, set operations and grouping sets (ids 350-399)
        kryo.register(350, io.quarry.plan.Union.class);
        kryo.register(351, io.quarry.plan.GroupId.class);
        kryo.register(352, io.quarry.plan.Window.class);
        kryo.register(353, io.quarry.plan.WindowFunction.class);
        kryo.register(354, io.quarry.plan.WindowFrame.class);
        kryo.register(355, io.quarry.plan.WindowFrame.Kind.class);
        kryo.register(356, io.quarry.plan.WindowFrame.Bound.class);

        // Joins (ids 300-349)
        kryo.register(300, io.quarry.plan.Join.class);
        kryo.register(301, io.quarry.plan.JoinType.class);
        kryo.register(302, io.quarry.plan.JoinDistribution.class);

        // The memory connector and table writes (ids 500-549)
        kryo.register(500, io.quarry.plan.TableWriter.class);
        kryo.register(501, io.quarry.spi.WriteTarget.class);
        kryo.register(502, io.quarry.connector.memory.MemorySplit.class);
        kryo.register(503, io.quarry.actor.TaskManager.DropWrite.class);

        // arrays, maps, rows and lambdas: ids 450-499
        kryo.register(450, io.quarry.type.ArrayType.class);
        kryo.register(451, io.quarry.type.MapType.class);
        kryo.register(452, io.quarry.type.RowType.class);
        kryo.register(453, io.quarry.type.RowType.Field.class);
        kryo.register(454, io.quarry.block.ArrayBlock.class, new PageSerializer.BlockSerializer());
        kryo.register(455, io.quarry.block.MapBlock.class, new PageSerializer.BlockSerializer());
        kryo.register(456, io.quarry.block.RowBlock.class, new PageSerializer.BlockSerializer());
        kryo.register(457, io.quarry.plan.expression.Lambda.class);
        kryo.register(458, io.quarry.plan.Unnest.class);
        // SQL gaps: the json type, lambdas over row columns (ids 600-619)
        kryo.register(600, io.quarry.type.JsonType.class);
        kryo.register(1060, io.quarry.type.UuidType.class);
        // set sketches (ids 1080-1089)
        kryo.register(1080, io.quarry.type.HyperLogLogType.class);
        kryo.register(1081, io.quarry.type.SetDigestType.class);
        // quantile digests (ids 1150-1159)
        kryo.register(1150, io.quarry.type.TDigestType.class);
        kryo.register(1151, io.quarry.type.QuantileDigestType.class);
        kryo.register(1090, io.quarry.type.TimeWithTimeZoneType.class);
        kryo.register(1091, io.quarry.type.IpAddressType.class);
        // the color type (ids 1160-1169)
        kryo.register(1160, io.quarry.type.ColorType.class);
        // the table function sequence (ids 1120-1129)
        kryo.register(1120, io.quarry.connector.system.SequenceSplit.class);
        // Row pattern recognition (ids 1200-1204)
        kryo.register(1200, io.quarry.plan.MatchRecognize.class);
        kryo.register(1201, io.quarry.plan.RowPattern.class);
        kryo.register(1202, io.quarry.plan.RowPattern.Kind.class);
        kryo.register(1203, io.quarry.plan.MatchValue.class);
        kryo.register(1204, io.quarry.plan.MatchValue.Kind.class);
        // Dynamic filtering (ids 640-659)
        kryo.register(640, io.quarry.exec.dynamicfilter.DynamicFilterSummary.class);
        kryo.register(641, io.quarry.exec.dynamicfilter.DynamicFilterSummary.Kind.class);
        kryo.register(642, io.quarry.exec.dynamicfilter.CollectedDynamicFilter.class);
        kryo.register(643, io.quarry.actor.TaskActor.ApplyDynamicFilter.class);
        // Dynamic filters on double and variable-width keys (ids 980-999)
        kryo.register(980, io.quarry.exec.dynamicfilter.DynamicFilterSummary.KeyType.class);
        // dictionary and run-length blocks (ids 660-679)
        kryo.register(660, io.quarry.block.DictionaryBlock.class, new PageSerializer.BlockSerializer());
        kryo.register(661, io.quarry.block.RunLengthBlock.class, new PageSerializer.BlockSerializer());
        // Metadata tables: snapshot splits of information_schema, system.jdbc and system.runtime (ids 680-699)
        kryo.register(680, io.quarry.connector.system.SnapshotSplit.class);
        // Copies of memory table pieces between nodes (ids 720-739)
        kryo.register(720, io.quarry.actor.TaskManager.StoreCopyChunk.class);
        kryo.register(721, io.quarry.actor.TaskManager.CopyStored.class);
        kryo.register(722, io.quarry.actor.TaskManager.CopyPiece.class);
        // EXPLAIN ANALYZE: figures per plan node in a task's final status (ids 760-779)
        kryo.register(760, io.quarry.exec.OperatorSummary.class);
        // Task retry (ids 820-849)
        kryo.register(820, io.quarry.actor.TaskActor.ReplaceProducer.class);
        // New entries of the core go on from the next id (219); each part keeps its own block of ids.
    }
}
