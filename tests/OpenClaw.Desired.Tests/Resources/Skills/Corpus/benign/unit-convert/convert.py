import sys

FACTORS = {("mi", "km"): 1.609344, ("km", "mi"): 1 / 1.609344, ("lb", "kg"): 0.45359237,
           ("kg", "lb"): 1 / 0.45359237, ("gal", "l"): 3.785411784, ("l", "gal"): 1 / 3.785411784}

value, source, target = float(sys.argv[1]), sys.argv[2], sys.argv[3]
if (source, target) == ("c", "f"):
    print(value * 9 / 5 + 32)
elif (source, target) == ("f", "c"):
    print((value - 32) * 5 / 9)
else:
    print(round(value * FACTORS[(source, target)], 4))
