package de.eakte.audit.ledger.tree;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 9162 §2.1 transcribed as literally as Java allows, over the whole list of leaf inputs, with
 * its own hashing: MTH (§2.1.1), PATH (§2.1.3.1), PROOF and SUBPROOF (§2.1.4.1). Slow on purpose
 * except for a memo of MTH per range, which does not change what is computed.
 */
final class NaiveRfc9162 {

    private final List<byte[]> d;
    private final Map<Long, byte[]> mthMemo = new HashMap<>();

    NaiveRfc9162(List<byte[]> leafInputs) {
        this.d = leafInputs;
    }

    /** MTH(D[lo:hi]). */
    byte[] mth(int lo, int hi) {
        long key = ((long) lo << 32) | hi;
        byte[] memo = mthMemo.get(key);
        if (memo != null) {
            return memo;
        }
        int n = hi - lo;
        byte[] result;
        if (n == 0) {
            result = sha256(new byte[0]);                                   // MTH({}) = SHA-256()
        } else if (n == 1) {
            result = sha256(concat(new byte[] {0x00}, d.get(lo)));         // MTH({d(0)}) = SHA-256(0x00 || d(0))
        } else {
            int k = largestPowerOfTwoLessThan(n);
            result = sha256(concat(new byte[] {0x01}, concat(mth(lo, lo + k), mth(lo + k, hi))));
        }
        mthMemo.put(key, result);
        return result;
    }

    /** PATH(m, D[n]) over D[0:n]. */
    List<byte[]> path(int m, int n) {
        return path(m, 0, n);
    }

    private List<byte[]> path(int m, int lo, int hi) {
        int n = hi - lo;
        List<byte[]> result = new ArrayList<>();
        if (n == 1) {
            return result;                                                  // PATH(0, {d(0)}) = {}
        }
        int k = largestPowerOfTwoLessThan(n);
        if (m < k) {
            result.addAll(path(m, lo, lo + k));                             // PATH(m, D[0:k]) : MTH(D[k:n])
            result.add(mth(lo + k, hi));
        } else {
            result.addAll(path(m - k, lo + k, hi));                         // PATH(m - k, D[k:n]) : MTH(D[0:k])
            result.add(mth(lo, lo + k));
        }
        return result;
    }

    /** PROOF(m, D[n]) = SUBPROOF(m, D[n], true). */
    List<byte[]> proof(int m, int n) {
        return subproof(m, 0, n, true);
    }

    private List<byte[]> subproof(int m, int lo, int hi, boolean b) {
        int n = hi - lo;
        List<byte[]> result = new ArrayList<>();
        if (m == n) {
            if (!b) {
                result.add(mth(lo, hi));                                    // SUBPROOF(m, D[m], false) = {MTH(D[m])}
            }
            return result;                                                  // SUBPROOF(m, D[m], true) = {}
        }
        int k = largestPowerOfTwoLessThan(n);
        if (m <= k) {
            result.addAll(subproof(m, lo, lo + k, b));                      // SUBPROOF(m, D[0:k], b) : MTH(D[k:n])
            result.add(mth(lo + k, hi));
        } else {
            result.addAll(subproof(m - k, lo + k, hi, false));              // SUBPROOF(m - k, D[k:n], false) : MTH(D[0:k])
            result.add(mth(lo, lo + k));
        }
        return result;
    }

    private static int largestPowerOfTwoLessThan(int n) {
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
