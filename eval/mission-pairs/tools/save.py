import sys, json, os
# usage: python3 tools/save.py batch.json  -> writes articles/<id>.txt (text exactly as given)
d = json.load(open(sys.argv[1], encoding='utf-8'))
for k, v in d.items():
    with open(os.path.join('articles', k + '.txt'), 'w', encoding='utf-8') as f:
        f.write(v)
    print(k, len(v))
