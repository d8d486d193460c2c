# A direct implementation, in plain R, of the computation relsurv 2.2.9's rs.surv does for the
# Pohar Perme and Ederer II estimators (its C routine netfastpinter2 with precision = 1), extended
# with individual weights (Brenner's age standardisation), so that the fixtures can check what
# rs.surv itself cannot compute. survival-fixtures.R checks it against rs.surv and exp.prep to 1e-10
# before using it.
#
# The computation, as relsurv does it:
# - the crude grid is every exit time (death or censoring) and every requested time (add.times,
#   capped at the last exit); the estimate steps at each crude time;
# - within a crude interval (p, q] the expected part is integrated in fine steps of one day from p
#   (the last one shorter), each step's population hazard taken at the step's start; the integral
#   is the running ratio of the weighted sums, averaged between each fine step's start and end;
# - a patient is in the interval's integrand (and Ederer II's expected deaths and number at risk)
#   when still followed at its end (exit >= q) and entered before it (entry < q, the at-risk set
#   survfit uses at q); the sum of weights the deaths are divided by (relsurv's yisi) takes those
#   entered by its end (entry <= q). These are relsurv 2.2-9's rules for its ys (netfastpinter2),
#   which rs.surv itself never sets; expected survival S_i runs from diagnosis for everyone still
#   followed, entered or not.
#
# d: data frame with age_days, dx (days since 1970-01-01), sex (1 men, 2 women), time (exit, days),
#    status (1 died); entry: days from diagnosis to the start of observation; w: weights;
# hazard(age_days, date_days, sex): population hazard per day.
# Returns one row per crude time: Pohar Perme S and se(log S), Ederer II S and se(log S), and the
# number at risk (exit >= q and entry < q).
relsurv_reference <- function(d, entry = rep(0, nrow(d)), w = rep(1, nrow(d)), add_times = numeric(0), hazard) {
  keep <- d$time > entry
  d <- d[keep, ]; entry <- entry[keep]; w <- w[keep]
  y <- d$time
  grid <- sort(unique(c(y, pmin(add_times, max(y)))))
  S <- rep(1, nrow(d))
  time <- 0
  pp <- 1; pp_var <- 0; e2 <- 1; e2_var <- 0
  out <- vector("list", length(grid))
  for (j in seq_along(grid)) {
    q <- grid[j]
    followed <- y >= q
    counted <- followed & entry < q
    divisor <- followed & entry <= q
    span <- q - time
    ftime <- 0; a1 <- b1 <- a2 <- b2 <- 0; fint <- 0; expected <- 0
    while (ftime < span) {
      h <- min(1, span - ftime)
      s <- time + ftime
      lam <- hazard(d$age_days[followed] + s, d$dx[followed] + s, d$sex[followed])
      s0 <- S[followed]
      s1 <- s0 * exp(-h * lam)
      k <- counted[followed]
      ww <- w[followed]
      a1 <- a1 + sum((ww * lam / s0)[k]); b1 <- b1 + sum((ww / s0)[k])
      a2 <- a2 + sum((ww * lam / s1)[k]); b2 <- b2 + sum((ww / s1)[k])
      expected <- expected + sum((h * lam)[k])
      S[followed] <- s1
      fint <- fint + (a1 / b1 / 2 + a2 / b2 / 2) * h
      ftime <- ftime + h
    }
    died <- followed & y == q & d$status == 1
    yisi <- sum((w / S)[divisor])
    pp <- pp * (1 - (sum((w / S)[died]) / yisi - fint))
    pp_var <- pp_var + sum((w^2 / S^2)[died]) / yisi^2
    n <- sum(counted)
    e2 <- e2 * (1 - (sum(died) - expected) / n)
    e2_var <- e2_var + sum(died) / n^2
    out[[j]] <- c(time = q, pp = pp, pp_se = sqrt(pp_var), e2 = e2, e2_se = sqrt(e2_var), n_risk = n)
    time <- time + span
  }
  as.data.frame(do.call(rbind, out))
}

# The value of a curve (one row per crude time) at each of times: the row at the last crude time
# at or before it (the requested times are crude times themselves).
curve_at <- function(curve, times, column) {
  sapply(times, function(t) { k <- which(curve$time <= t + 1e-9); if (length(k) == 0) NA else curve[[column]][max(k)] })
}
