package se.lagesbild.api.release;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import se.lagesbild.api.Catalog;
import se.lagesbild.api.pxweb.Cube;
import se.lagesbild.api.pxweb.PxTableId;
import se.lagesbild.api.pxweb.ReleasedValues;

/**
 * Several release files served together, e.g. the baseline as published and this year's release:
 * PxWebApi 2 and v1 without {@code snapshot=} answer from the newest (the highest load batch), v1
 * with {@code snapshot=NAME} from the release of that snapshot ({@link #asOf}).
 */
public final class Releases implements ReleasedValues {
    private final List<ReleasedValues> all;
    private volatile ReleasedValues newest;

    public Releases(List<? extends ReleasedValues> all) {
        if (all.isEmpty()) {
            throw new IllegalArgumentException("no release");
        }
        this.all = List.copyOf(all);
    }

    /** What a server answers from: the one release itself when there is one, else these releases. */
    public ReleasedValues served() {
        return all.size() == 1 ? all.get(0) : this;
    }

    /** The release with the newest vintage (of two alike, the one given last). */
    public ReleasedValues newest() {
        ReleasedValues n = newest;
        if (n == null) {
            n = all.stream().max(Comparator.comparingLong((ReleasedValues r) -> r.catalog().maxBatchId())
                    .thenComparingInt(all::indexOf)).orElseThrow();
            newest = n;
        }
        return n;
    }

    /** The release of snapshot {@code name}, or null. */
    public ReleasedValues asOf(String name) {
        return all.stream().filter(r -> r.catalog().snapshot(name) != null).findFirst().orElse(null);
    }

    /** The snapshots served, in the order the files were given. */
    public List<String> snapshots() {
        List<String> names = new ArrayList<>();
        all.forEach(r -> r.catalog().snapshots().forEach(s -> names.add(s.getSnapshotName())));
        return names;
    }

    /** Refuses two files of one snapshot (which would answer for it?), naming the snapshot. */
    public void checkDistinct() {
        List<String> names = snapshots();
        for (String name : names) {
            if (names.indexOf(name) != names.lastIndexOf(name)) {
                throw new se.lagesbild.warehouse.WarehouseException("Two of the release files given are of the snapshot " + name
                        + "; give each snapshot once.");
            }
        }
    }

    @Override
    public Catalog catalog() {
        return newest().catalog();
    }

    @Override
    public Cube cube(PxTableId id) {
        return newest().cube(id);
    }

    @Override
    public boolean newerBeingComputed(Cube cube) {
        return false;
    }

    @Override
    public boolean ready() {
        return all.stream().allMatch(ReleasedValues::ready);
    }

    @Override
    public void warm() {
        all.forEach(ReleasedValues::warm);
    }

    @Override
    public String describe() {
        return newest().describe();
    }

    @Override
    public void close() {
        all.forEach(ReleasedValues::close);
    }
}
