"""The harness's NumPy-side helpers, called through the embedded oracle.

Exact references for order-dependent results (sums, products, scans) and the outcomes each
element may take in *some* order of operations, decided from that element's own inputs; and the
property comparators (sorted permutation, set equality, reconstruction, norm-wise error).
conformance/README.md states the model; every rule here is listed there with its reason.
"""

import warnings

import numpy as np

# Per-component outcome flags: what an element's result may be in some order of operations.
FINITE = 1  # a finite value within the error bound of the exact result
PINF = 2
NINF = 4
NAN = 8
ZERO = 16  # a zero of either sign (a partial product underflowed)

_ACCUMULATOR = {np.dtype(np.float16): np.dtype(np.float32)}  # float16 accumulates in float32


def _overflow(dt):
    """The magnitude from which a value rounds to infinity in dt: max + half an ulp of max."""
    fi = np.finfo(dt)
    return np.longdouble(fi.max) + np.ldexp(np.longdouble(fi.eps), fi.maxexp - 1) / 2


def _axes(a, axis):
    if axis is None or a.ndim == 0:  # ufunc.reduce takes axis 0 of a 0-d array as none
        return tuple(range(a.ndim))
    return tuple(ax % a.ndim for ax in (axis if isinstance(axis, tuple) else (axis,)))


def _count(a, axes):
    n = 1
    for ax in axes:
        n *= a.shape[ax]
    return n


def _sum_flags(exact, bound, pos, neg, has_nan, pinf, ninf, big_acc, big_res):
    """The outcomes some summation order gives, from the sums of the positive and negative finite
    parts, which infinities and NaNs are among the inputs, and the overflow thresholds of the
    accumulator (partial sums) and of the result."""
    over_p = pos >= big_acc  # some order overflows a partial sum to +inf
    over_n = neg >= big_acc
    flags = np.where(np.abs(exact) - bound < big_res, FINITE, 0)
    flags |= np.where(over_p | (exact + bound >= big_res), PINF, 0)
    flags |= np.where(over_n | (exact - bound <= -big_res), NINF, 0)
    flags |= np.where(over_p & over_n, NAN, 0)
    # infinite inputs decide the kind in every order, unless opposite partials overflow
    flags = np.where(pinf & ~ninf, PINF | np.where(over_n, NAN, 0), flags)
    flags = np.where(ninf & ~pinf, NINF | np.where(over_p, NAN, 0), flags)
    return np.where(has_nan | (pinf & ninf), NAN, flags)


def _sum_outcomes(x, axes, keepdims, n, res, acc):
    """Outcomes and bound of one real component of a sum over `axes` (x is longdouble)."""
    fin = np.isfinite(x)
    red = dict(axis=axes, keepdims=keepdims)
    pos = np.sum(np.where(fin & (x > 0), x, 0), **red)
    neg = -np.sum(np.where(fin & (x < 0), x, 0), **red)
    exact = np.sum(np.where(fin, x, 0), **red)
    # the classic bound of any summation order: (n - 1) eps sum|x|, eps of the accumulator
    bound = max(n - 1, 0) * np.longdouble(np.finfo(acc).eps) * (pos + neg)
    flags = _sum_flags(exact, bound, pos, neg, np.any(np.isnan(x), **red), np.any(x == np.inf, **red),
                       np.any(x == -np.inf, **red), _overflow(acc), _overflow(res))
    return exact, bound, flags


class _Over:
    """Reductions over axes (keepdims as asked): every element of the slice at once."""

    def __init__(self, axes, keepdims):
        self.kw = dict(axis=axes, keepdims=keepdims)

    def sum(self, x):
        return np.sum(x, **self.kw)

    def prod(self, x):
        return np.prod(x, **self.kw)

    def any(self, x):
        return np.any(x, **self.kw)


class _Prefix:
    """The same over every prefix along an axis: a scan's element j reduces elements 0..j."""

    def __init__(self, axis):
        self.axis = axis

    def sum(self, x):
        return np.cumsum(x, axis=self.axis)

    def prod(self, x):
        return np.cumprod(x, axis=self.axis)

    def any(self, x):
        return np.cumsum(x, axis=self.axis) > 0


def _prod_outcomes(x, red, n, res, acc):
    """Outcomes and bound of a real product over `red` (_Over or _Prefix; x is longdouble; n the
    count of factors, per element for a scan)."""
    mag = np.abs(x)
    fin = np.isfinite(x)
    nonzero = fin & (mag != 0)
    has_nan = red.any(np.isnan(x))
    has_inf = red.any(np.isinf(x))
    has_zero = red.any(mag == 0)
    negative = red.sum(np.signbit(x).astype(np.int64)) % 2 == 1
    big = red.prod(np.where(nonzero & (mag > 1), mag, 1))  # largest partial product
    small = red.prod(np.where(nonzero & (mag < 1), mag, 1))  # smallest partial product
    exact_mag = red.prod(np.where(nonzero, mag, 1))
    fa, fr = np.finfo(acc), np.finfo(res)
    can_over = big >= _overflow(acc)
    # half the smallest subnormal rounds to zero (ties to even)
    can_under = small <= np.longdouble(fa.smallest_subnormal) / 2
    # relative error (n - 1) eps; where a partial product can be subnormal, each of the n - 1
    # multiplications rounds with an absolute error of up to half the smallest subnormal, which
    # the factors multiplied in later (at most all those above one) can magnify
    steps = np.maximum(n - 1, 0)
    bound = steps * np.longdouble(fa.eps) * exact_mag
    bound = bound + np.where(small < np.longdouble(fa.smallest_normal),
                             steps * np.longdouble(fa.smallest_subnormal) / 2 * np.maximum(big, 1), 0)
    inf_flag = np.where(negative, NINF, PINF)
    flags = np.where(exact_mag - bound < _overflow(res), FINITE, 0)
    flags |= np.where(can_over | (exact_mag + bound >= _overflow(res)), inf_flag, 0)
    flags |= np.where(can_under | (exact_mag - bound <= np.longdouble(fr.smallest_subnormal) / 2), ZERO, 0)
    flags |= np.where(can_over & can_under, NAN, 0)
    flags = np.where(has_inf & ~has_zero, inf_flag | np.where(can_under, NAN, 0), flags)
    flags = np.where(has_zero & ~has_inf, ZERO | np.where(can_over, NAN, 0), flags)
    flags = np.where(has_nan | (has_inf & has_zero), NAN, flags)
    exact = np.where(negative, -exact_mag, exact_mag)
    return exact, bound, flags


def _kind(x):
    return np.where(np.isnan(x), NAN, np.where(x == np.inf, PINF, np.where(x == -np.inf, NINF, FINITE)))


def _complex_prod_outcomes(z, red, n, res, acc):
    """A complex product: norm-wise bound; where a partial product can leave the range, or an
    input has an inf or NaN component, a complex multiply meets inf*0 and inf-inf, so either
    component may be inf or NaN in some order (and never finite once an input is non-finite).
    Where a single factor is taken (n == 1), the element itself, of its own kinds."""
    alone = red.prod(z)
    finite = np.isfinite(z.real) & np.isfinite(z.imag)
    nonfinite_input = red.any(~finite)
    z = np.where(finite, z, 1)
    exact = red.prod(z)
    mag = np.abs(z)
    big = red.prod(np.where(mag > 1, mag, 1))
    small = red.prod(np.where(mag < 1, mag, 1))
    fa = np.finfo(acc)
    steps = np.maximum(n - 1, 0)
    # each complex multiply is within sqrt(5) eps norm-wise
    bound = steps * np.sqrt(5) * np.longdouble(fa.eps) * np.abs(exact)
    # a complex multiply rounds four products and two sums: twice the smallest subnormal each,
    # magnified by the factors multiplied in later
    bound = bound + np.where(small < np.longdouble(fa.smallest_normal),
                             steps * 2 * np.longdouble(fa.smallest_subnormal) * np.maximum(big, 1), 0)
    leaves = (big >= _overflow(acc)) | (small <= np.longdouble(fa.smallest_subnormal) / 2)
    flags = np.where(leaves, FINITE | PINF | NINF | NAN | ZERO, FINITE)
    flags = np.where(nonfinite_input, PINF | NINF | NAN, flags)
    single = n <= 1
    return (np.where(single, alone, exact), bound,
            (np.where(single, _kind(alone.real), flags), np.where(single, _kind(alone.imag), flags)))


def trapezoid_summands(arrays, dx=1.0, axis=-1, **_):
    """trapezoid's terms d * (y[1:] + y[:-1]) / 2.0, formed as NumPy forms them (its sum over the
    axis is the order-dependent part), the summed axis last; and the slack, per result element,
    for terms cunp may round differently."""
    y = arrays[0]
    x = arrays[1] if len(arrays) > 1 else None
    if x is None:
        d = dx
    elif x.ndim == 1:
        d = np.diff(x)
        shape = [1] * y.ndim
        shape[axis] = d.shape[0]
        d = d.reshape(shape)
    else:
        d = np.diff(x, axis=axis)
    upper = [slice(None)] * y.ndim
    lower = [slice(None)] * y.ndim
    upper[axis] = slice(1, None)
    lower[axis] = slice(None, -1)
    sums = y[tuple(upper)] + y[tuple(lower)]
    terms = d * sums / 2.0
    # a complex product is not rounded alike everywhere (FMA): each of the two within sqrt(5) eps
    slack = 0.0
    if np.iscomplexobj(d) and np.iscomplexobj(sums):
        eps = float(np.finfo(terms.dtype).eps)
        slack = 2 * np.sqrt(5) * eps * np.sum(np.moveaxis(np.abs(terms), axis, -1), axis=-1)
    return np.moveaxis(terms, axis, -1), slack


def _reduceat_segments(arrays, axis, fill):
    """ufunc.reduceat's segments of arrays[0] along axis at the indices arrays[1] (NumPy's rule:
    a[i[j]:i[j + 1]], or the one element a[i[j]] where that is empty), each padded with `fill` to
    the longest: shaped as the result with the segment's axis last."""
    a, at = np.asarray(arrays[0]), np.asarray(arrays[1]).astype(np.int64)
    axis = axis % a.ndim
    x = np.moveaxis(a, axis, -1)
    stops = list(at[1:]) + [x.shape[-1]]
    bounds = [(int(s), int(e) if e > s else int(s) + 1) for s, e in zip(at, stops)]
    longest = max((e - s for s, e in bounds), default=1)
    out = np.full(x.shape[:-1] + (len(bounds), longest), fill, dtype=x.dtype)
    for j, (s, e) in enumerate(bounds):
        out[..., j, :e - s] = x[..., s:e]
    return np.moveaxis(out, -2, axis)


def reduceat_summands(arrays, axis=0, **_):
    """add.reduceat's terms: each segment, zero-padded, as the summed axis."""
    return _reduceat_segments(arrays, axis, 0), 0.0


def reduceat_factors(arrays, axis=0, **_):
    """multiply.reduceat's factors: each segment, padded with ones, as the multiplied axis."""
    return _reduceat_segments(arrays, axis, 1), 0.0


def reduction_reference(kind, a, result_dtype, output=0, axis=None, keepdims=False, dtype=None, ddof=0,
                        correction=None, weights=None, **_):
    """The exact reference of output `output` of a reduction, called with the case's own keywords
    (those it does not read are ignored). kind 'sum', 'prod', 'mean', 'var' or 'std', one of those
    prefixed 'nan' (NaN skipped, as NumPy's nanfunctions skip it), or 'average'. Returns
    (exact_re, exact_im, bound, flags_re, flags_im) shaped as the result: the exact value, the
    error bound (an element's |error| per component), and the outcome flags of each component."""
    if kind == "average":
        return _average_reference(a, weights, axis, keepdims, result_dtype, output)
    return _reduction(kind, a, axis, keepdims, result_dtype, dtype, ddof if correction is None else correction)


def _reduction(kind, a, axis, keepdims, result_dtype, dtype=None, ddof=0):
    skip_nan = kind.startswith("nan")
    if skip_nan:
        kind = kind[3:]
        if kind in ("sum", "prod"):
            a = _nan_replaced(a, 0 if kind == "sum" else 1)
            return _reduction(kind, a, axis, keepdims, result_dtype, dtype)
        if np.asarray(a).dtype.kind not in "fc":  # no NaN to skip: the plain function
            skip_nan = False
    if kind == "mean":
        return (_nanmean_reference if skip_nan else _mean_reference)(a, axis, keepdims, result_dtype, dtype)
    if kind in ("var", "std"):
        return _variance_reference(a, axis, keepdims, result_dtype, dtype, ddof, kind == "std", skip_nan)
    res = np.dtype(result_dtype)
    # both sides reduce the inputs as cast to the result dtype (dtype=float32 rounds them first)
    a = np.asarray(a).astype(res)
    axes = _axes(a, axis)
    n = _count(a, axes)
    real_res = res if res.kind == "f" else (np.empty(0, res).real.dtype if res.kind == "c" else np.dtype(np.float64))
    acc = _ACCUMULATOR.get(real_res, real_res)
    if res.kind == "c":
        z = a.astype(np.clongdouble)
        if kind == "sum":
            er, br, fr = _sum_outcomes(z.real.copy(), axes, keepdims, n, real_res, acc)
            ei, bi, fi = _sum_outcomes(z.imag.copy(), axes, keepdims, n, real_res, acc)
            return _out(er, ei, np.maximum(br, bi), fr, fi)
        e, b, (fr, fi) = _complex_prod_outcomes(z, _Over(axes, keepdims), n, real_res, acc)
        return _out(e.real, e.imag, b, fr, fi)
    x = a.astype(np.longdouble)
    if kind == "sum":
        e, b, f = _sum_outcomes(x, axes, keepdims, n, real_res, acc)
    else:
        e, b, f = _prod_outcomes(x, _Over(axes, keepdims), n, real_res, acc)
    return _out(e, np.zeros_like(e), b, f, np.full_like(f, FINITE))


def _mean_reference(a, axis, keepdims, result_dtype, dtype=None):
    """mean: NumPy's sum in dtype= or the accumulator (float64 for integers, float32 for float16),
    divided by the count, then cast to the result."""
    res = np.dtype(result_dtype)
    real_res = np.empty(0, res).real.dtype
    summed = np.dtype(dtype) if dtype is not None else np.result_type(_ACCUMULATOR.get(real_res, real_res), res)
    a = np.asarray(a)
    n = _count(a, _axes(a, axis))
    return _quotient(_reduction("sum", a, axis, keepdims, summed), n, res, summed)


def _nanmean_reference(a, axis, keepdims, result_dtype, dtype=None):
    """nanmean: the sum of the non-NaN elements in dtype= or the input's own dtype (float16 sums in
    float16 here), over their count."""
    a = np.asarray(a)
    summed = np.dtype(dtype) if dtype is not None else a.dtype
    n = np.sum(~np.isnan(a), axis=_axes(a, axis), keepdims=keepdims)
    return _quotient(_reduction("sum", _nan_replaced(a, 0), axis, keepdims, summed), n, np.dtype(result_dtype), summed)


def _quotient(total, n, res, summed):
    """A sum's reference divided by counts n (a scalar or per element): the sum's bound over n,
    plus an eps of the sum's dtype for the rounding of the sum and of the quotient; the cast to
    the result may overflow (float16), and a complex quotient is a complex division by n + 0j,
    where a part that is infinite or NaN makes NaN of the other (times 0). A count of zero gives
    NaN (0 / 0)."""
    er, ei, b, fr, fi = total
    n = np.asarray(n)
    empty = n == 0
    n = np.where(empty, 1, n)
    eps = np.finfo(np.empty(0, summed).real.dtype).eps
    em, im = er / n, ei / n
    bm = (b + eps * (np.maximum(np.abs(er), np.abs(ei)) + b)) / n
    big = _overflow(np.empty(0, res).real.dtype)

    def cast(e, f):
        return f | np.where(e + bm >= big, PINF, 0) | np.where(e - bm <= -big, NINF, 0)

    fr = cast(em, fr)
    if res.kind == "c":
        fi = cast(im, fi)

        # NumPy's complex division by n + 0j: re = (re + im * 0) / n, im = (im - re * 0) / n, so a
        # part is NaN where the other is infinite or NaN
        def divided(own, other):
            may, must = (other & (PINF | NINF | NAN)) != 0, (other & (FINITE | ZERO)) == 0
            return np.where(must, NAN, np.where(may, own | NAN, own))

        fr, fi = divided(fr, fi), divided(fi, fr)
        fi = np.where(empty, NAN, fi)
    return _out(em, im, bm, np.where(empty, NAN, fr), fi)


def _laid_weights(a, weights, axis):
    """numpy.average's weights as it lays them against a: as given where shapes agree, else along
    the axes named, in the order named, with unit extents elsewhere."""
    w = np.asarray(weights)
    if w.shape == a.shape:
        return w
    axes = tuple(ax % a.ndim for ax in (axis if isinstance(axis, (tuple, list)) else (axis,)))
    w = w.transpose(np.argsort(axes))
    return w.reshape(tuple(s if ax in axes else 1 for ax, s in enumerate(a.shape)))


def _average_reference(a, weights, axis, keepdims, result_dtype, output):
    """average with returned=True. Without weights: mean, and the count a.size / avg.size, exact.
    With them: sum(a * w) / sum(w) over the axes in the result dtype: the sum of the products as
    rounded, divided as mean's sum by its count, with the denominator's own bound added
    (|q| b_D / |D|); output 1 is the sum of weights, broadcast to the average's shape."""
    a = np.asarray(a)
    res = np.dtype(result_dtype)
    if weights is None:
        if output == 0:
            return _mean_reference(a, axis, keepdims, res)
        avg_shape = np.mean(np.zeros(a.shape, np.float32), axis=axis, keepdims=keepdims).shape
        n = a.size / max(int(np.prod(avg_shape)), 1)
        return _out(np.full(avg_shape, n), np.zeros(avg_shape), np.zeros(avg_shape), np.full(avg_shape, FINITE),
                    np.full(avg_shape, FINITE))
    w = _laid_weights(a, weights, axis)
    den = _reduction("sum", w.astype(res), axis, keepdims, res)
    shape = np.broadcast_shapes(np.sum(a, axis=axis, keepdims=keepdims).shape, den[0].shape)
    if output == 1:
        return tuple(np.broadcast_to(t, shape) for t in den)
    # the products as NumPy's multiply rounds them in the result dtype; cunp's complex multiply
    # may differ from it by a few ulps (3 eps norm-wise)
    products = np.multiply(a, w, dtype=res)
    er, ei, b, fr, fi = _reduction("sum", products, axis, keepdims, res)
    if res.kind == "c":
        finite = np.isfinite(products.real) & np.isfinite(products.imag)
        eps = np.finfo(np.empty(0, res).real.dtype).eps
        b = b + 3 * eps * np.sum(np.where(finite, np.abs(products.astype(np.clongdouble)), 0), axis=axis, keepdims=keepdims)
    if res.kind != "c":
        q = _quotient((er, ei, b, fr, fi), den[0], res, res)
        extra = np.abs(q[0]) * den[2] / np.abs(den[0])
        return tuple(np.broadcast_to(t, shape) for t in (q[0], q[1], q[2] + extra, q[3], q[4]))
    # a complex quotient N / D (complex weights): first order in both bounds, plus a few eps of the
    # division; a non-finite part of N makes any part of the quotient inf or NaN
    n = er.astype(np.clongdouble) + 1j * ei.astype(np.clongdouble)
    d = den[0].astype(np.clongdouble) + 1j * den[1].astype(np.clongdouble)
    q = n / d
    eps = np.finfo(np.empty(0, res).real.dtype).eps
    bound = (b + np.abs(q) * den[2]) / np.abs(d) + 4 * eps * np.abs(q)
    # finite where both parts of N can be; any part of N that can be inf or NaN, a quotient near
    # the range's end, or a numerator near it (the division's own products can overflow) may make
    # any part of the quotient inf or NaN
    big = _overflow(np.empty(0, res).real.dtype)
    nonfinite = (((fr | fi) & ~FINITE) != 0) | (np.abs(q) + bound >= big) | (4 * (np.abs(n) + b) >= big)
    flags = np.where((fr & FINITE) & (fi & FINITE), FINITE, 0) | np.where(nonfinite, PINF | NINF | NAN, 0)
    return tuple(np.broadcast_to(t, shape) for t in _out(q.real, q.imag, bound, flags, flags))


def _variance_reference(a, axis, keepdims, result_dtype, dtype, ddof, root, skip_nan):
    """var (std: its square root) as NumPy computes it, in two passes: the mean m^ (a sum, then a
    division by n), the deviations d_i = x_i - m^ rounded in the working dtype, their squares
    (a complex deviation's parts squared and added) summed. Since sum_i (x_i - m^)^2 =
    S + n (m - m^)^2, with S the exact sum of squared deviations from the exact mean m, the
    computed sum lies in [S - E, S + n b_m^2 + E]: b_m bounds the mean's error, and E the
    roundings of deviations (their own eps, and the cast of each input to the working dtype),
    squares and additions, plus half the smallest subnormal of the working dtype per square. It
    is divided by max(n - ddof, 0): zero gives +inf, or NaN where the sum can be zero (nanvar:
    NaN). Non-finite inputs give NaN; a mean that can overflow gives inf or NaN."""
    x = np.asarray(a)
    res = np.dtype(result_dtype)
    real_res = np.empty(0, res).real.dtype
    axes = _axes(x, axis)
    valid = ~np.isnan(x) if skip_nan else np.ones(x.shape, bool)
    red = dict(axis=axes, keepdims=True)
    n = np.sum(valid, **red)
    if dtype is not None:
        summed = np.dtype(dtype)
    elif x.dtype.kind in "biu":
        summed = np.dtype(np.float64)
    else:
        summed = x.dtype
    # the deviations' dtype: var subtracts the mean array (its dtype: the sum's); nanvar in place
    working = x.dtype if skip_nan else np.result_type(x.dtype, summed)
    w_real = np.empty(0, working).real.dtype
    s_real = np.empty(0, summed).real.dtype
    acc = _ACCUMULATOR.get(s_real, s_real)
    fw, fs, fa = np.finfo(w_real), np.finfo(s_real), np.finfo(acc)
    wide = np.clongdouble if x.dtype.kind == "c" else np.longdouble
    xv = np.where(valid, x, 0).astype(wide)
    nonfinite = np.any(valid & ~np.isfinite(xv), **red)
    xv = np.where(np.isfinite(xv), xv, 0)
    mag = np.abs(xv)
    safe_n = np.where(n == 0, 1, n)
    total = np.sum(xv, **red)
    m = total / safe_n
    # the mean: its sum's order bound and rounding, the division's rounding (as cast to summed)
    cast_in = np.abs(np.where(valid, xv - xv.astype(summed).astype(wide), 0))
    b_m = (np.maximum(n - 1, 0) * np.longdouble(fa.eps) * np.sum(mag, **red) + np.sum(cast_in, **red)
           + np.longdouble(fs.eps) * np.abs(total)) / safe_n + 2 * np.longdouble(fs.eps) * np.abs(m)
    mean_can_overflow = np.sum(mag, **red) >= _overflow(acc)
    dev = np.where(valid, np.abs(xv - m), 0)
    S = np.sum(dev * dev, **red)
    D = dev + np.where(valid, b_m, 0)  # bounds |x_i - m^|
    # a deviation's error: its rounding, and the input's cast to the working dtype
    e = np.where(valid, np.longdouble(fw.eps) * D + np.abs(xv - xv.astype(working).astype(wide)), 0)
    sq = (D + e) ** 2
    steps = np.longdouble(3 * fw.eps) + np.longdouble(fs.eps) + np.maximum(n - 1, 0) * np.longdouble(fa.eps)
    E = np.sum(2 * D * e + e * e, **red) + steps * np.sum(sq, **red) + n * np.longdouble(fw.smallest_subnormal)
    centre = S + n * b_m ** 2 / 2
    half = n * b_m ** 2 / 2 + E
    dof = np.maximum(n - np.longdouble(ddof), 0)
    zero_dof = dof == 0
    safe_dof = np.where(zero_dof, 1, dof)
    v, bv = centre / safe_dof, (half + np.longdouble(fs.eps) * (centre + half)) / safe_dof
    over = _overflow(real_res)
    # squares past the working range overflow to +inf, and so does a sum past its own dtype's (a
    # float16 sum is float16 before its division, whatever it accumulates in)
    can_inf = (np.max(np.where(valid, sq, 0), initial=0, **red) >= _overflow(w_real)) | (centre + half >= _overflow(s_real))
    flags = np.where(v - bv < over, FINITE, 0) | np.where(can_inf | (v + bv >= over), PINF, 0)
    if skip_nan:
        flags = np.where(zero_dof, NAN, flags)
    else:
        # a sum over zero degrees of freedom: +inf, or NaN where the sum can be exactly zero
        flags = np.where(zero_dof, np.where(centre + half > 0, PINF, 0) | np.where(centre - half <= 0, NAN, 0), flags)
    flags = np.where(mean_can_overflow, flags | PINF | NAN, flags)
    # an input beyond a narrower dtype='s range is inf once cast, and so is the mean: inf or NaN
    part = np.maximum(np.abs(xv.real), np.abs(xv.imag)) if x.dtype.kind == "c" else mag
    cast_over = np.any(valid & (part >= _overflow(s_real)), **red)
    broken = cast_over | ~np.isfinite(v) | ~np.isfinite(bv)
    flags = np.where(broken, PINF | NAN, flags)
    v, bv = np.where(broken, 0, v), np.where(broken, 0, bv)
    flags = np.where(nonfinite | (n == 0), NAN, flags)
    if root:
        lo, hi = np.maximum(v - bv, 0), v + bv
        r = np.sqrt(v)
        bv = np.maximum(np.sqrt(hi) - r, r - np.sqrt(lo)) + np.longdouble(np.finfo(real_res).eps) * np.sqrt(hi)
        v = r
    if not keepdims:
        v, bv, flags = (np.squeeze(t, axis=axes) for t in (v, bv, flags))
    im_flags = np.full_like(flags, FINITE) if res.kind != "c" else np.where(flags & NAN, flags, FINITE)
    return _out(v, np.zeros_like(v), bv, flags, im_flags)


def scan_reference(a, axis, result_dtype, include_initial=False, kind="sum"):
    """cumsum ('sum'), cumprod ('prod'), and their nan-variants ('nansum', 'nanprod': NaN read as
    0 / 1). NumPy accumulates sequentially, rounding every step in the result dtype, so element j
    is bounded as a reduction of its j + 1 elements with eps of the result dtype (no wider
    accumulator). include_initial (cumulative_sum/prod): the identity first along the axis."""
    if kind.startswith("nan"):
        kind = kind[3:]
        a = _nan_replaced(a, 0 if kind == "sum" else 1)
    if include_initial:
        # the identity, exactly, then the scan of x (whose first element is x's own, not a sum or
        # product with the identity)
        x = np.asarray(a)
        x = x.reshape(-1) if axis is None or x.ndim == 0 else x
        ax = 0 if axis is None else axis % x.ndim
        first = [1 if d == ax else n for d, n in enumerate(x.shape)]
        scanned = scan_reference(x, ax, result_dtype, kind=kind)
        initial = (np.full(first, 0.0 if kind == "sum" else 1.0), np.zeros(first), np.zeros(first),
                   np.full(first, FINITE), np.full(first, FINITE))
        return tuple(np.concatenate([i.astype(t.dtype), t], axis=ax) for i, t in zip(initial, scanned))
    res = np.dtype(result_dtype)
    a = np.asarray(a).astype(res)  # accumulated as cast to the result dtype
    x = a.reshape(-1) if axis is None else a
    ax = 0 if axis is None else axis % a.ndim
    real_res = res if res.kind == "f" else (np.empty(0, res).real.dtype if res.kind == "c" else np.dtype(np.float64))
    k = np.arange(1, x.shape[ax] + 1).reshape([-1 if d == ax else 1 for d in range(x.ndim)])
    if kind == "prod":
        if res.kind == "c":
            e, b, (fr, fi) = _complex_prod_outcomes(x.astype(np.clongdouble), _Prefix(ax), k, real_res, real_res)
            return _out(e.real, e.imag, b, fr, fi)
        e, b, f = _prod_outcomes(x.astype(np.longdouble), _Prefix(ax), k, real_res, real_res)
        return _out(e, np.zeros_like(e), b, f, np.full_like(f, FINITE))
    parts = [x.real, x.imag] if res.kind == "c" else [x]
    out = []
    for p in parts:
        p = p.astype(np.longdouble)
        fin = np.isfinite(p)
        exact = np.cumsum(np.where(fin, p, 0), axis=ax)
        pos = np.cumsum(np.where(fin & (p > 0), p, 0), axis=ax)
        neg = -np.cumsum(np.where(fin & (p < 0), p, 0), axis=ax)
        bound = (k - 1) * np.longdouble(np.finfo(real_res).eps) * (pos + neg)
        big = _overflow(real_res)  # each step rounds in the result dtype: no wider accumulator
        flags = _sum_flags(exact, bound, pos, neg, np.cumsum(np.isnan(p), axis=ax) > 0,
                           np.cumsum(p == np.inf, axis=ax) > 0, np.cumsum(p == -np.inf, axis=ax) > 0, big, big)
        out.append((exact, bound, flags))
    if len(out) == 1:
        e, b, f = out[0]
        return _out(e, np.zeros_like(e), b, f, np.full_like(f, FINITE))
    (er, br, fr), (ei, bi, fi) = out
    return _out(er, ei, np.maximum(br, bi), fr, fi)


def _nan_replaced(a, value):
    """NumPy's _replace_nan: NaN (in either part) set to value; integers and bool unchanged."""
    a = np.asarray(a)
    return np.where(np.isnan(a), value, a).astype(a.dtype) if a.dtype.kind in "fc" else a


def _out(er, ei, b, fr, fi):
    return (np.asarray(er, np.float64), np.asarray(ei, np.float64), np.asarray(b, np.float64),
            np.asarray(fr, np.int64), np.asarray(fi, np.int64))


# ---- property comparators: each returns '' when the property holds, else why not ----

def _along(a, axis, flat_0d):
    """A sort's input as the sort reads it: None flattens; argsort reads a 0-d array as 1-d."""
    if axis is None:
        return a.reshape(-1), -1
    if a.ndim == 0 and flat_0d:
        return a.reshape(1), axis
    return a, axis


def _same_in_order(got, want):
    """Elementwise equal, a NaN matching a NaN in each part of a complex value (the sign of a zero
    and a NaN's payload are left free)."""
    if got.dtype.kind == "c":
        return _same_in_order(got.real, want.real) and _same_in_order(got.imag, want.imag)
    return bool(np.array_equal(got, want, equal_nan=got.dtype.kind == "f"))


def _first_difference(got, want):
    parts = [(got.real, want.real), (got.imag, want.imag)] if got.dtype.kind == "c" else [(got, want)]
    bad = np.zeros(got.shape, bool)
    for g, w in parts:
        bad |= ~((g == w) | (np.isnan(g) & np.isnan(w))) if g.dtype.kind == "f" else g != w
    return tuple(int(i) for i in np.argwhere(bad)[0])


def sorted_permutation(a, idx, axis=-1, stable=False):
    """argsort: idx is a permutation along `axis` that sorts a in NumPy's order; under a stable
    kind it is NumPy's stable argsort exactly (ties in input order), otherwise ties in any order."""
    a, axis = _along(a, axis, True)
    if idx.shape != a.shape:
        return f"shape {idx.shape} differs from the input's {a.shape}"
    if stable:
        want = np.argsort(a, axis=axis, kind="stable")
        if not np.array_equal(idx, want):
            return f"not NumPy's stable argsort: first difference at {tuple(int(i) for i in np.argwhere(idx != want)[0])}"
        return ""
    n = a.shape[axis]
    srt = np.sort(np.moveaxis(idx, axis, -1), axis=-1)
    if not np.array_equal(srt, np.broadcast_to(np.arange(n), srt.shape)):
        return "not a permutation of the indices along the axis"
    got = np.take_along_axis(a, idx, axis=axis)
    want = np.sort(a, axis=axis, kind="stable")
    if not _same_in_order(got, want):
        return f"a[idx] is not sorted: first difference at {_first_difference(got, want)}"
    return ""


def sorted_values(a, got, axis=-1, stable=False):
    """sort: got is a sorted along `axis` in NumPy's order and a permutation of it there; under a
    stable kind it is NumPy's stable sort exactly, the signs of zeros (which compare equal) in
    their input order; otherwise each run holds as many -0.0 (per part) as the input's."""
    a, axis = _along(a, axis, False)
    want = np.sort(a, axis=axis, kind="stable")
    if got.shape != want.shape:
        return f"shape {got.shape}, want {want.shape}"
    if not _same_in_order(got, want):
        return f"not sorted as NumPy sorts: first difference at {_first_difference(got, want)}"
    if got.dtype.kind not in "fc":
        return ""
    # in float64, where every part has a sign bit (sort_complex's result is complex, its input any)
    parts = [(got.real, want.real), (got.imag, want.imag)] if got.dtype.kind == "c" else [(got, want)]
    for g, w in ((g.astype(np.float64), np.asarray(w).astype(np.float64)) for g, w in parts):
        if stable:
            keep = ~np.isnan(w)
            if not np.array_equal(np.signbit(g[keep]), np.signbit(w[keep])):
                return "zeros' signs are not in input order (a stable sort keeps equal elements' order)"
        elif not np.array_equal(np.sum((g == 0) & np.signbit(g), axis=axis), np.sum((w == 0) & np.signbit(w), axis=axis)):
            return "not a permutation of the input: the count of -0.0 along the axis differs"
    return ""


def partitioned(a, got, kth, axis=-1, indices=False):
    """partition/argpartition: along `axis`, got (a's values, or positions into a) is a permutation
    of a's slice holding at each kth the element NumPy's sort puts there, the k smallest before it
    (NumPy's order: NaN last; zeros' signs and NaN payloads free)."""
    a, axis = _along(a, axis, indices)
    if got.shape != a.shape:
        return f"shape {got.shape} differs from the input's {a.shape}"
    if indices:
        n = a.shape[axis]
        srt = np.sort(np.moveaxis(got, axis, -1), axis=-1)
        if not np.array_equal(srt, np.broadcast_to(np.arange(n), srt.shape)):
            return "not a permutation of the indices along the axis"
        got = np.take_along_axis(a, got, axis=axis)
    g, want = np.moveaxis(got, axis, -1), np.sort(np.moveaxis(a, axis, -1), axis=-1, kind="stable")
    if not _same_in_order(np.sort(g, axis=-1, kind="stable"), want):
        return "not a permutation of the input along the axis"
    n = want.shape[-1]
    for k in np.atleast_1d(np.asarray(kth)).tolist():
        k = int(k) % n if n else 0
        if n and not _same_in_order(g[..., k], want[..., k]):
            return f"position {k} does not hold the element a sort puts there"
        if n and not _same_in_order(np.sort(g[..., :k], axis=-1, kind="stable"), want[..., :k]):
            return f"the elements before position {k} are not the {k} smallest"
    return ""


def set_equal(got, want):
    """The same elements, in any order (duplicates counted)."""
    g, w = np.sort(got.reshape(-1)), np.sort(want.reshape(-1))
    if g.shape != w.shape:
        return f"{g.size} elements, want {w.size}"
    if not np.array_equal(g, w, equal_nan=g.dtype.kind in "fc"):
        return "the elements differ"
    return ""


def set_precondition_broken(arrays, assume_unique=False):
    """Where NumPy's set operations are undefined: inputs said to be unique that are not, or an
    input's distinct values that fall together in the dtype the inputs are compared in (uint64 or
    int64 beyond 2**53 as float64), which NumPy's sort-based paths then count as matches."""
    common = np.result_type(*arrays)
    for a in arrays:
        a = np.asarray(a).reshape(-1)
        distinct = a if assume_unique else np.unique(a)
        if np.unique(distinct.astype(common)).size != distinct.size:
            return True
    return False


def isin_table_too_large(element, test, kind=None):
    """isin's table method (kind='table') allocates a bool per value of the test elements'
    range: beyond 2**31 NumPy's answer is a MemoryError or a dimension error, by machine."""
    test = np.asarray(test)
    if kind != "table" or test.size == 0 or test.dtype.kind not in "biu":
        return False
    return int(test.max()) - int(test.min()) >= 2**31


def unique_values(inputs, got, want, unordered=False, equal_nan=True, free_inverse=-1, axis=None):
    """unique and the set operations: got[0] holds want[0]'s values in its order (any order where
    `unordered`), each bit for bit one of the inputs' elements. Which member of a run of equal
    elements stands for it is free: NumPy's quicksort and hash paths leave it open (-0.0 or +0.0;
    under equal_nan, which complex value with a NaN part). The other outputs exactly, except
    output `free_inverse`, an inverse NumPy took from an unstable argsort: where NaNs stay
    distinct, which NaN's slot each NaN input maps to is as free as that sort's order of them,
    so there the slots need only be the same set."""
    g, w = got[0], want[0]
    if unordered and g.ndim == 1:
        g, w = np.sort(g), np.sort(w)
    if g.shape != w.shape:
        return f"values of shape {g.shape}, want {w.shape}"
    if equal_nan and g.dtype.kind == "c":
        g, w = (np.where(np.isnan(x), complex(np.nan, np.nan), x) for x in (g, w))
    if not _same_in_order(g, w):
        return f"values differ from NumPy's: first difference at {_first_difference(g, w)}"
    pool = {x.tobytes() for x in np.concatenate([np.asarray(a).reshape(-1).astype(got[0].dtype) for a in inputs])}
    for x in got[0].reshape(-1):
        if x.tobytes() not in pool:
            return f"value {x!r} is none of the inputs' elements"
    for k in range(1, len(got)):
        g, w = got[k], want[k]
        if k == free_inverse and g.shape == w.shape and not equal_nan:
            a = np.asarray(inputs[0])
            # by element, or (an axis) by the subarrays along it that hold a NaN
            rows = np.moveaxis(a, axis, 0) if axis is not None and a.ndim > 1 else a.reshape(-1, 1)
            nan = np.isnan(rows).reshape(rows.shape[0], rows[0].size if rows.shape[0] else 0).any(axis=1).reshape(g.shape)
            if np.array_equal(g[~nan], w[~nan]) and np.array_equal(np.sort(g[nan]), np.sort(w[nan])):
                continue
        if not np.array_equal(g, w):
            return f"output {k} differs from NumPy's: first difference at {_first_difference(g, w)}"
    return ""


def reconstruction(a, product, orthonormal=(), k=30.0):
    """A decomposition with sign or phase freedom: ||a - product|| <= k n eps ||a||, and every
    factor in `orthonormal` has Q^H Q = I within k n eps."""
    real = np.empty(0, np.result_type(a.dtype, np.float32)).real.dtype
    eps = np.finfo(real).eps
    n = max(a.shape[-2:]) if a.ndim >= 2 else max(a.size, 1)
    scale = max(np.linalg.norm(a), np.finfo(real).tiny)
    res = np.linalg.norm(a - product)
    if not res <= k * n * eps * scale:
        return f"reconstruction error {res / scale:.3g} (relative) exceeds {k} n eps = {k * n * eps:.3g}"
    for i, q in enumerate(orthonormal):
        qq = np.swapaxes(q.conj(), -1, -2) @ q
        err = np.linalg.norm(qq - np.eye(qq.shape[-1]))
        if not err <= k * n * eps:
            return f"factor {i} is not orthonormal: ||Q^H Q - I|| = {err:.3g}"
    return ""


def normwise(got, want, bound, rest_got=(), rest_want=()):
    """||got - want|| <= bound (Frobenius over all elements); NaN positions must agree. The
    further outputs (a histogram's edges) equal NumPy's exactly."""
    if got.shape != want.shape:
        return f"shape {got.shape}, want {want.shape}"
    gn, wn = np.isnan(got), np.isnan(want)
    if not np.array_equal(gn, wn):
        return "NaN positions differ"
    # equal elements (infinities among them) differ by nothing
    d = np.where(gn | (got == want), 0, got.astype(np.complex128) - want.astype(np.complex128))
    err = np.linalg.norm(d.reshape(-1))
    if not err <= bound:
        return f"norm-wise error {err:.6g} exceeds the bound {bound:.6g}"
    for k, (g, w) in enumerate(zip(rest_got, rest_want), start=1):
        if g.shape != w.shape or not _same_in_order(g, w):
            return f"output {k} differs from NumPy's"
    return ""


def binned_bound(a, wants, weights=None, density=False):
    """The norm-wise bound of bincount's or histogram's first output against NumPy's. Counts are
    exact (0). A weighted bin errs by at most 2 N eps ||w||_1 between two summations of the N
    weights (NumPy's prefix-sum differences or per-bin loops, cunp's segmented sums; eps of the
    weights' dtype, 0 for integer weights, summed exactly), so sqrt(K) times that over K bins. A
    density n / widths / total carries that error over the narrowest width and the total, the
    total's own error through every bin, and four roundings of its own."""
    want = np.asarray(wants[0])
    k = max(want.size, 1)
    err = 0.0
    if weights is not None:
        w = np.asarray(weights)
        eps = float(np.finfo(w.dtype).eps) if w.dtype.kind in "fc" else 0.0
        w = w.astype(np.complex128)
        # non-finite weights make their bins (and, through NumPy's prefix sums, later ones) inf
        # or NaN, which normwise compares exactly
        err = 2 * w.size * eps * float(np.abs(w[np.isfinite(w)]).sum()) * np.sqrt(k)
    if not density:
        return err
    edges = np.asarray(wants[1])
    n = np.histogram(a, bins=edges, weights=weights)[0]
    total = abs(complex(n.sum()))
    if total == 0:
        return np.inf  # 0/0: every bin NaN, whose positions normwise compares
    widths = np.diff(edges).astype(np.float64)
    widths = widths[widths > 0]  # an empty bin between equal edges is inf or NaN in both
    norm = float(np.linalg.norm(np.where(np.isfinite(want), want, 0).astype(np.complex128).reshape(-1)))
    return err / ((widths.min() if widths.size else 1.0) * total) + norm * (np.sqrt(k) * err / total + 4 * float(np.finfo(np.float64).eps))


# ---- NumPy answers that are no array, as arrays the value comparator compares ----

def _dtype_as_array(dtype):
    """A dtype answer as the 0-d zero of that dtype: the comparator then checks the dtype."""
    return np.zeros((), dtype)


def average(a, weights=None, axis=None, keepdims=False):
    """numpy.average(..., returned=True), both outputs as arrays (the sum of weights of a 0-d
    average is a NumPy scalar)."""
    avg, scl = np.average(a, axis=axis, weights=weights, returned=True, keepdims=keepdims)
    return np.asarray(avg), np.asarray(scl)


def sorted_in_place(a, **kwargs):
    """ndarray.sort: the array as the method leaves it (NumPy's returns None)."""
    a.sort(**kwargs)
    return a


def partitioned_in_place(a, kth, **kwargs):
    """ndarray.partition: the array as the method leaves it."""
    a.partition(kth, **kwargs)
    return a


def result_type(*operands):
    """np.result_type over arrays (strong, whatever their shape) and Python scalars (weak)."""
    return _dtype_as_array(np.result_type(*operands))


def promote_types(a, b):
    """np.promote_types of two arrays' dtypes."""
    return _dtype_as_array(np.promote_types(a.dtype, b.dtype))


def can_cast(from_, to, casting="safe"):
    """np.can_cast between two arrays' dtypes (by dtype alone, as NEP 50 has it), a 0-d bool."""
    return np.asarray(np.can_cast(from_.dtype, to.dtype, casting))


def broadcast_shapes(*shapes):
    """np.broadcast_shapes' tuple as a 1-d int64 array of the extents."""
    return np.array(np.broadcast_shapes(*shapes), dtype=np.int64)


def allclose(a, b, **kwargs):
    """np.allclose's Python bool as a 0-d bool array."""
    return np.asarray(np.allclose(a, b, **kwargs))


def array_equal(a1, a2, **kwargs):
    """np.array_equal's Python bool as a 0-d bool array."""
    return np.asarray(np.array_equal(a1, a2, **kwargs))


def array_equiv(a1, a2):
    """np.array_equiv's Python bool as a 0-d bool array."""
    return np.asarray(np.array_equiv(a1, a2))


def isrealobj(x):
    """np.isrealobj's Python bool as a 0-d bool array."""
    return np.asarray(np.isrealobj(x))


def iscomplexobj(x):
    """np.iscomplexobj's Python bool as a 0-d bool array."""
    return np.asarray(np.iscomplexobj(x))


def round_cast_undefined(a, decimals):
    """Whether np.round of an integer array to negative decimals gives a float64 beyond the
    dtype's range, or NaN (decimals past -308: 0 / 1e400 * inf), which NumPy then casts back to
    the dtype (undefined there)."""
    a = np.asarray(a)
    if a.dtype.kind not in "iu" or decimals >= 0:
        return False
    with np.errstate(all="ignore"):
        r = np.round(a.astype(np.float64), decimals)
    bits = a.dtype.itemsize * 8
    low, high = (-(2.0 ** (bits - 1)), 2.0 ** (bits - 1)) if a.dtype.kind == "i" else (0.0, 2.0 ** bits)
    return bool(np.any(~np.isfinite(r) | (r < low) | (r >= high)))


def contiguity(function, *args, **kwargs):
    """(C-contiguous, F-contiguous) of each output of np.<function>(*args, **kwargs): the oracle
    hands results back as C-order copies, so the layout NumPy gave is asked for here."""
    fn = np
    for part in function.split("."):
        fn = getattr(fn, part)
    out = fn(*args, **kwargs)
    return tuple((o.flags.c_contiguous, o.flags.f_contiguous) for o in (out if isinstance(out, tuple) else (out,)))


# ---- value generators that need linear algebra (seeded NumPy generators) ----

def spd_matrices(shape, dtype, seed, _cond=1):
    """Symmetric (Hermitian) positive definite matrices over the last two axes: M M^H + n I."""
    rng = np.random.default_rng(seed)
    dt = np.dtype(dtype)
    m = rng.standard_normal(shape)
    if dt.kind == "c":
        m = m + 1j * rng.standard_normal(shape)
    n = shape[-1]
    a = m @ np.swapaxes(m.conj(), -1, -2) + n * np.eye(n)
    return a.astype(dt)


def ill_conditioned_matrices(shape, dtype, seed, cond):
    """Matrices with condition number `cond` (2-norm): U diag(s) V^H, s log-spaced 1 .. 1/cond."""
    rng = np.random.default_rng(seed)
    dt = np.dtype(dtype)
    n = shape[-1]
    u, _ = np.linalg.qr(rng.standard_normal(shape))
    v, _ = np.linalg.qr(rng.standard_normal(shape))
    s = np.logspace(0, -np.log10(cond), n) if n > 1 else np.ones(1)
    return ((u * s[..., None, :]) @ np.swapaxes(v, -1, -2)).astype(dt)


# ---- loop tables ----

_NUMERIC = "?bBhHiIlLqQefdFD"


def numeric_loops(ufunc_name):
    """np.<ufunc>.types over the numeric dtypes cunp has, as dtype names, in NumPy's order,
    duplicates (l and q are both int64 here) dropped: "int8,int8->int8;...". A function that wraps
    a ufunc of umath (np.clip) answers with that ufunc's loops."""
    seen, out = set(), []
    uf = getattr(np, ufunc_name)
    if not isinstance(uf, np.ufunc):
        uf = getattr(np._core.umath, ufunc_name)
    for t in uf.types:
        ins, outs = t.split("->")
        if any(c not in _NUMERIC for c in ins + outs):
            continue
        row = ",".join(np.dtype(c).name for c in ins) + "->" + ",".join(np.dtype(c).name for c in outs)
        if row not in seen:
            seen.add(row)
            out.append(row)
    return ";".join(out)


# ---- known differences decided on the case's own arrays ----

def uses_complex_loop(name, *args, dtype=None, casting=None, out_dtype=None):
    """Whether np.<name> computes these arguments (with dtype= and casting=) in a complex loop and
    returns the result (into an out= of out_dtype, when given)."""
    kw = {k: v for k, v in (("dtype", dtype), ("casting", casting)) if v is not None}
    try:
        result = np.result_type(getattr(np, name)(*args, **kw))
    except Exception:
        return False
    if out_dtype is not None and not np.can_cast(result, out_dtype, casting or "same_kind"):
        return False
    return result.kind == "c"


def fma_changes_multiply(a, b=None, dtype=None, casting=None):
    """Whether NumPy's complex multiply differs in kind (NaN, infinity, the sign of a zero) from
    rounding each operation, as its SIMD loops contract into fused multiply-adds. With one
    operand, its square (np.square runs the same loops as np.multiply(a, a)); dtype= and casting=
    pick the loop."""
    if b is None:
        b = a
    kw = {k: v for k, v in (("dtype", dtype), ("casting", casting)) if v is not None}
    try:
        got = np.multiply(a, b, **kw)
    except Exception:
        return False  # NumPy refuses the call: no loop runs

    # in the dtype NumPy computed in (a Python complex is weak: float32 * 1j is complex64)
    a, b = np.asarray(a).astype(got.dtype), np.asarray(b).astype(got.dtype)
    ar, ai, br, bi = a.real, a.imag, b.real, b.imag
    re = np.subtract(np.multiply(ar, br), np.multiply(ai, bi))
    im = np.add(np.multiply(ar, bi), np.multiply(ai, br))

    def kind(x):
        return np.where(np.isnan(x), 2, np.where(np.isinf(x), np.sign(x) * 3, 0))

    # a zero against a tiny FMA residue is within the comparator's norm-wise bound; a zero's sign
    # against the other zero is not
    def zero_signs_differ(x, y):
        return np.any((x == 0) & (y == 0) & (np.signbit(x) != np.signbit(y)))

    return bool(np.any(kind(got.real) != kind(re)) or np.any(kind(got.imag) != kind(im)) or
                zero_signs_differ(got.real, re) or zero_signs_differ(got.imag, im))


def input_cast_undefined(name, *args, dtype=None, casting=None):
    """Whether np.<name>, under dtype= (and casting=), casts an inexact input holding NaN, an
    infinity or a value beyond the range into an integer loop type: undefined in NumPy."""
    # a float reaches an integer loop under 'unsafe' alone (any other rule raises first); and
    # resolve_dtypes with a Python scalar's type crashes NumPy 2.4 (a segmentation fault) where
    # its cast check fails, which 'unsafe' never does
    if casting != "unsafe":
        return False
    fn = getattr(np, name)

    def dtype_of(a):
        return type(a) if isinstance(a, (bool, int, float, complex)) else np.asarray(a).dtype

    try:
        loop = fn.resolve_dtypes(tuple(dtype_of(a) for a in args) + (None,) * fn.nout,
                                 signature=(None,) * fn.nin + (np.dtype(dtype),) * fn.nout, casting="unsafe")
    except Exception:
        return False
    return any(loop[i].kind in "iu" and np.asarray(a).dtype.kind in "fc" and cast_undefined(a, loop[i])
               for i, a in enumerate(args))


def half_nextafter_differs(x, y):
    """Whether np.nextafter(x, y) meets float16 zeros of opposite signs under a NumPy older than
    2.5, whose half routine returns x for equal inputs where 2.5 (and C) return y."""
    if tuple(int(v) for v in np.__version__.split(".")[:2]) >= (2, 5):
        return False
    with np.errstate(all="ignore"):
        if np.result_type(x, y) != np.float16:
            return False
        a, b = np.broadcast_arrays(np.asarray(x, dtype=np.float16), np.asarray(y, dtype=np.float16))
    return bool(np.any((a == 0) & (b == 0) & (np.signbit(a) != np.signbit(b))))


def cast_undefined(a, dtype):
    """Whether casting a (inexact) to the integer dtype meets NaN, an infinity or a value beyond
    the integer range: undefined in NumPy, which warns and gives what the CPU's instruction gives."""
    a = np.asarray(a)
    if a.dtype.kind not in "fc":
        return False
    x = a.real.astype(np.float64)
    info = np.iinfo(np.dtype(dtype))
    return bool(np.any(~np.isfinite(x) | (x <= float(info.min) - 1) | (x >= float(info.max) + 1)))


def mean_cast_undefined(a, axes, dtype):
    """np.mean(a, axes, dtype=<integer>): whether NumPy's quotient, the sum in dtype over the
    count in float64 (NaN for an empty mean), is cast back beyond the integer range."""
    a = np.asarray(a)
    count = int(np.prod([a.shape[d] for d in axes])) if a.ndim else 1
    with np.errstate(all="ignore"):
        return cast_undefined(np.add.reduce(a, axis=tuple(axes), dtype=dtype) / np.float64(count), dtype)


def complex_nan_choice(a, got, want, axis=None, keepdims=False, difference=False):
    """max/min of complex values. Where an output's reduced inputs carry NaNs, NumPy returns the
    first NaN-carrying one in its iteration order, and which one a parallel reduction meets first
    is order-dependent: got must be one of them (nan+1j and 1+nanj are different answers); with
    `difference` (ptp, max - min), the difference of any two of them. Elsewhere got must equal
    want. '' when that holds, else why not."""
    a, got, want = np.asarray(a), np.asarray(got), np.asarray(want)
    if got.shape != want.shape or got.dtype != want.dtype:
        return f"{got.dtype}{got.shape}, want {want.dtype}{want.shape}"
    axes = _axes(a, axis)
    kept = [d for d in range(a.ndim) if d not in axes]
    rows = np.transpose(a, kept + list(axes)).reshape([a.shape[d] for d in kept] + [_count(a, axes)])
    g = got.reshape(rows.shape[:-1])
    w = want.reshape(rows.shape[:-1])

    def same(x, y):
        return (np.isnan(x.real) == np.isnan(y.real)) & (np.isnan(x.imag) == np.isnan(y.imag)) & \
               ((x.real == y.real) | np.isnan(x.real)) & ((x.imag == y.imag) | np.isnan(x.imag))

    w_nan = np.isnan(w.real) | np.isnan(w.imag)
    plain = ~w_nan & ~same(g, w)
    if np.any(plain):
        i = tuple(np.argwhere(plain)[0])
        return f"values differ at {i}: got {g[i]}, want {w[i]}"
    # NumPy's own choice passes; the others are checked against every allowed answer
    for i in map(tuple, np.argwhere(w_nan & ~same(g, w))):
        cand = rows[i]
        cand = cand[np.isnan(cand.real) | np.isnan(cand.imag)]
        # one of each bit pattern (tiled inputs repeat few values)
        parts = np.unique(np.stack([cand.real, cand.imag], -1), axis=0)
        cand = np.empty(len(parts), a.dtype)
        cand.real, cand.imag = parts[:, 0], parts[:, 1]
        if difference:
            cand = (cand[:, None] - cand[None, :]).reshape(-1)
        if not np.any(same(np.full(cand.shape, g[i]), cand)):
            return f"at {i}: got {g[i]}, not {'a difference of two' if difference else 'one'} of the NaN-carrying inputs {list(cand[:4])}"
    return ""


def fold_steps(method, items, running):
    """Each step of a fold along axis 0 as NumPy's ufunc takes it from cunp's running values: the
    first item cast to the running dtype (as accumulate copies it), then
    ufunc(running[j - 1], items[j]) in the running dtype's loop."""
    f = getattr(np, method.split(".")[0])
    items, running = np.asarray(items), np.asarray(running)
    dt = running.dtype
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", np.exceptions.ComplexWarning)
        first = items[:1].astype(dt)
        steps = f(running[:-1], items[1:].astype(dt), dtype=dt)
    return np.concatenate([first, steps])


def power_condition(a, b, outer=False, shape=()):
    """Per element of a ** b (np.multiply.outer's shape with outer; broadcast to `shape`, an out=
    array's), two rows:
    - 1 + |b| |log a|, what an ulp of log a or of b log a becomes in exp(b log a); 1 where that is
      not finite (a zero or non-finite base or exponent: special values, compared as such);
    - 1 where the result's zeros may have either sign: exp(b log a) of a -inf real part and a NaN
      or infinite imaginary part (after Annex G's recovery of infinities in the product), which
      C99 (G.6.3.1) makes +-0 +-0i, glibc's cexp copying the sign of that NaN, which IEEE 754
      leaves to the hardware (x86 makes it negative, CUDA's float units positive). Exponents of
      the squaring path (a non-zero integer below 100) and zero bases are exact and keep 0."""
    a, b = np.asarray(a), np.asarray(b)
    if outer:
        a = a.reshape(a.shape + (1,) * b.ndim)
    shape = np.broadcast_shapes(a.shape, b.shape, tuple(shape))
    with np.errstate(all="ignore"):
        la, bc = np.log(a.astype(np.complex128)), b.astype(np.complex128)
        k = 1 + np.abs(bc) * np.abs(la)
        # the product in complex64 too: a complex64 power multiplies in float32, where it overflows sooner
        w = np.stack([bc * la, (bc.astype(np.complex64) * la.astype(np.complex64)).astype(np.complex128)])
        squaring = (bc.imag == 0) & (np.abs(bc.real) < 100) & (bc.real == np.trunc(bc.real))
        # NaN + NaN i from NumPy's plain product is where Annex G's (cunp's, glibc's) recovers
        # infinities, a -inf real part among them; a zero result comes from nowhere else
        minus_inf = (w.real == -np.inf) | (np.isnan(w.real) & np.isnan(w.imag))
        free = np.any(minus_inf & ~np.isfinite(w.imag), axis=0) & ~squaring & (a != 0) & (bc != 0)
    k = np.where(np.isfinite(k), k, 1.0)
    return np.ascontiguousarray(np.stack([np.broadcast_to(k, shape), np.broadcast_to(free, shape)]), dtype=np.float64)
