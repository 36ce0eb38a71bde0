using System.Numerics;
using BenchmarkDotNet.Attributes;
using BilateralTrade.Dsl.Numerics;

namespace BilateralTrade.Dsl.Benchmarks;

/// <summary>The hot path: arithmetic on rationals with about as many digits as round 12 of the spy game.</summary>
[MemoryDiagnoser]
public class RationalBenchmarks
{
    private Rational _a, _b, _small;

    [Params(100, 2000)]
    public int Digits { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        BigInteger Big() => BigInteger.Parse(string.Concat(Enumerable.Range(0, Digits).Select(i => (char)('1' + random.Next(9)))));
        _a = new Rational(Big(), Big());
        _b = new Rational(Big(), Big());
        _small = new Rational(13, 27);
    }

    [Benchmark] public Rational Add() => _a + _b;
    [Benchmark] public Rational Multiply() => _a * _b;
    [Benchmark] public Rational MultiplyBySmall() => _a * _small;
    [Benchmark] public int Compare() => _a.CompareTo(_b);
    [Benchmark] public double ToDouble() => _a.ToDouble();
}
